import Foundation

/// Chooses the video to play for a song among `search.list` candidates, or none.
///
/// A candidate is playable only when its title names the song, the artist is named in the
/// title or is the channel, it is not a live stream, and nothing in its title or channel
/// marks it as another recording (cover, live, karaoke/MR, reaction, sped up, teaser, …; see
/// `match-rules.tsv`) beyond what the song's own title and artist say. Among playable
/// ones the score prefers the artist's auto-generated "- Topic" track, then the artist's own
/// channel or VEVO, "Official Audio/Video" markers, and label channels; ties keep YouTube's
/// order. Nothing good enough is an answer too: `best` returns nil and the page shows links.
///
/// A pure function of its inputs, so it is tested on recorded candidate lists.
public struct MatchPolicy: Sendable {
    let rules: MatchRules

    public init() {
        rules = .bundled
    }

    init(rules: MatchRules) {
        self.rules = rules
    }

    public func best(title: String, artist: String, among candidates: [VideoCandidate]) -> VideoCandidate? {
        let song = SongForms(title: title, artist: artist)
        var best: (candidate: VideoCandidate, score: Int)?
        for candidate in candidates {
            guard case .accepted(let score, _) = verdict(candidate, song) else { continue }
            if score > best?.score ?? .min { best = (candidate, score) }
        }
        return best?.candidate
    }

    public func verdict(for candidate: VideoCandidate, title: String, artist: String) -> MatchVerdict {
        verdict(candidate, SongForms(title: title, artist: artist))
    }

    private struct SongForms {
        let titles: [FoldedText]
        let artists: [FoldedText]

        init(title: String, artist: String) {
            titles = SongNames.titleForms(title)
            artists = SongNames.artistForms(artist)
        }
    }

    private func verdict(_ candidate: VideoCandidate, _ song: SongForms) -> MatchVerdict {
        guard candidate.liveBroadcastContent == "none" else {
            return .rejected("a \(candidate.liveBroadcastContent) broadcast, not a recording")
        }
        let title = FoldedText(candidate.title)
        let isTopic = candidate.channelTitle.hasSuffix(" - Topic")
        let channelName = isTopic ? String(candidate.channelTitle.dropLast(" - Topic".count)) : candidate.channelTitle
        // "IUVEVO" is IU's VEVO channel: separate the suffix so the artist's name is a word.
        let channel = FoldedText(
            channelName.replacingOccurrences(of: "VEVO", with: " VEVO", options: [.caseInsensitive, .anchored, .backwards]))

        // Which form of the title the video names, then what else it says: "Live Forever (Live at
        // Knebworth)" minus the song's title is "live at knebworth", a live version; "Live Forever
        // (Official Video)" minus it is not. The artist's own name is taken out the same way
        // ("Mr.Children" is not an MR).
        guard let (form, titleRun) = song.titles.enumerated().lazy.compactMap({ form, text in title.run(of: text).map { (form, $0) } }).first
        else { return .rejected("the title does not name the song") }
        let otherWords = title.removing(titleRun).removingRuns(of: song.artists)
        let otherChannelWords = channel.removingRuns(of: song.artists)
        for group in MatchRules.Group.allCases where group.rejects {
            for phrase in rules.phrases(group)
            where otherWords.containsKeyword(phrase.folded) || otherChannelWords.containsKeyword(phrase.folded) {
                return .rejected("\(group.rawValue): '\(phrase.text)'")
            }
        }
        let artistInTitle = song.artists.contains(where: title.containsRun)
        let channelIsArtist = song.artists.contains(where: channel.containsRun)
        guard artistInTitle || channelIsArtist else {
            return .rejected("neither the title nor the channel names the artist")
        }

        var score = 0
        var signals: [String] = []
        func add(_ points: Int, _ signal: String) {
            score += points
            signals.append(signal)
        }
        if isTopic && channelIsArtist {
            add(6, "the artist's Topic channel")
        } else if channelIsArtist {
            add(4, "the artist's channel")
        }
        if artistInTitle { add(2, "artist in title") }
        // "Song (Remix)" in the catalog: the remix's upload names all of it, the original only "Song".
        if form == 0 { add(1, "full title") }
        if song.titles.contains(where: { $0.compact == title.compact }) { add(2, "exact title") }
        if has(.officialAudio, title) {
            add(3, "official audio")
        } else if has(.officialVideo, title) {
            add(3, "official video")
        } else if has(.official, title) || has(.official, channel) {
            add(1, "official")
        }
        if has(.distributor, channel) { add(2, "label channel") }
        if has(.lyrics, title) { add(-2, "lyric video") }
        return .accepted(score: score, signals: signals)
    }

    private func has(_ group: MatchRules.Group, _ text: FoldedText) -> Bool {
        rules.phrases(group).contains { text.containsKeyword($0.folded) }
    }
}
