import Foundation
import MupicCore
import Synchronization

/// A clock the test sets by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    /// `2026-03-07T20:00:00-08:00`-style ISO 8601 text.
    convenience init(_ text: String) { self.init(date(text)) }

    var now: Date { current.withLock { $0 } }

    func set(_ text: String) { current.withLock { $0 = date(text) } }

    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    var read: @Sendable () -> Date { { self.now } }
}

func date(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

/// Songs the fake server has answers for.
enum Songs {
    static let throughTheNight = Song(id: 1, title: "밤편지", artist: "아이유 (IU)", genreID: "ballad", tags: TagSet())
    static let dontKnowWhy = Song(id: 2, title: "Don't Know Why", artist: "Norah Jones", genreID: "jazz", tags: TagSet())
    static let liveForever = Song(id: 3, title: "Live Forever", artist: "Oasis", genreID: "rock", tags: TagSet())
    static let spring = Song(id: 4, title: "봄", artist: "방탄소년단 (BTS)", genreID: "kpop", tags: TagSet())
    static let unknown = Song(id: 5, title: "Nobody Uploaded This", artist: "Nobody", genreID: "indie", tags: TagSet())
}

/// A cache whose storage is down.
struct BrokenCache: VideoMatchCache {
    struct Down: Error {}
    func videoMatch(songID: Int64) async throws -> VideoMatch? { throw Down() }
    func save(_ match: VideoMatch) async throws { throw Down() }
}
