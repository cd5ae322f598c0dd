import Foundation
import GRDB
import MupicCore
import PostgresNIO

/// A value both backends read from a column as it is stored: text, integers, reals, booleans, bytes.
protocol StoredValue: DatabaseValueConvertible, PostgresDecodable {}

extension String: StoredValue {}
extension Int: StoredValue {}
extension Int64: StoredValue {}
extension Double: StoredValue {}
extension Bool: StoredValue {}
extension Data: StoredValue {}

/// A result row of either backend (GRDB's `Row`, PostgresNIO's `PostgresRandomAccessRow`), read
/// by column name. The tables have the same columns on both, so the records below are built from
/// rows in one place: which column fills which field is written once.
protocol StoredRow {
    func callAsFunction<T: StoredValue>(_ column: String) throws -> T
    func callAsFunction<T: StoredValue>(_ column: String) throws -> T?
    /// A time, to the millisecond as both backends keep it.
    func callAsFunction(_ column: String) throws -> Date
    func callAsFunction(_ column: String) throws -> Date?
}

extension Row: StoredRow {
    func callAsFunction<T: StoredValue>(_ column: String) throws -> T { try decode(T.self, forColumn: column) }
    func callAsFunction<T: StoredValue>(_ column: String) throws -> T? { try decode(T?.self, forColumn: column) }
    func callAsFunction(_ column: String) throws -> Date { try decode(Date.self, forColumn: column) }
    func callAsFunction(_ column: String) throws -> Date? { try decode(Date?.self, forColumn: column) }
}

extension PostgresRandomAccessRow: StoredRow {
    func callAsFunction<T: StoredValue>(_ column: String) throws -> T { try self[column].decode(T.self) }

    func callAsFunction<T: StoredValue>(_ column: String) throws -> T? {
        let cell = self[column]
        return cell.bytes == nil ? nil : try cell.decode(T.self)
    }

    func callAsFunction(_ column: String) throws -> Date { try self[column].decode(StoredTime.self).date }

    func callAsFunction(_ column: String) throws -> Date? {
        let cell = self[column]
        return cell.bytes == nil ? nil : try cell.decode(StoredTime.self).date
    }
}

// MARK: records from rows

extension PhotoRecord {
    /// An `images` row, with the photo's tags read separately.
    init(row: some StoredRow, tags: [PhotoTagRecord]) throws {
        let signals: String = try row("missing_signals")
        let state: String = try row("screening_state")
        self.init(
            id: try row("id"), createdAt: try row("created_at"), contentHash: try row("content_hash"), width: try row("width"),
            height: try row("height"), isPublic: try row("is_public"), isHidden: try row("is_hidden"),
            takenAt: (try row("taken_at") as String?).flatMap(LocalDateTime.init(minutePrecision:)), deleteTokenHash: try row("delete_token_hash"), tags: tags,
            missingSignals: signals.split(separator: "\n").map(String.init), accountID: try row("account_id"),
            language: LanguageFilter(rawValue: try row("language")) ?? .any,
            // A state this version does not know stays out of the archive.
            screening: PhotoScreening(state: ScreeningState(rawValue: state) ?? .flagged, score: try row("screening_score")))
    }
}

extension PhotoTagRecord {
    /// An `image_tags` row.
    init(row: some StoredRow) throws {
        self.init(tagID: try row("tag"), score: try row("score"), evidence: try row("evidence"))
    }
}

/// What both backends select from `recommendation_songs r JOIN songs s` for `RecommendedSongRecord(row:)`.
let recommendationSongColumns = """
    r.recommendation_id, r.rank, r.song_id, r.similarity, r.reason, r.shared_tags, r.liked_song_id,
    s.title, s.artist, s.album, s.genre, s.year, s.language, s.tag_set
    """

extension RecommendedSongRecord {
    /// A `recommendation_songs` row joined with its `songs` row (`recommendationSongColumns`).
    init(row: some StoredRow) throws {
        let songID: Int64 = try row("song_id")
        self.init(
            rank: try row("rank"), songID: songID, similarity: try row("similarity"),
            reason: PickReason(rawValue: try row("reason")) ?? .drawn, sharedTags: try TagSet(key: try row("shared_tags")),
            song: Song(
                id: songID, title: try row("title"), artist: try row("artist"), album: try row("album"),
                genreID: try row("genre"), year: try row("year"), language: try row("language"),
                tags: try TagSet(key: try row("tag_set"))),
            likedSongID: try row("liked_song_id"))
    }
}

extension RecommendationRecord {
    /// A `recommendations` row, with its songs read separately.
    init(row: some StoredRow, songs: [RecommendedSongRecord]) throws {
        let genres: String = try row("genres")
        let seed: Int64 = try row("seed")
        self.init(
            id: try row("id"), photoID: try row("image_id"), createdAt: try row("created_at"),
            genreIDs: genres.split(separator: ",").map(String.init), tags: try TagSet(key: try row("tags")),
            seed: UInt64(bitPattern: seed), songs: songs)
    }
}

extension JobRecord {
    /// A `jobs` row.
    init(row: some StoredRow) throws {
        let genres: String = try row("genres")
        self.init(
            id: try row("id"), photoID: try row("image_id"), genreIDs: genres.split(separator: ",").map(String.init),
            state: JobState(rawValue: try row("state")) ?? .failed, stage: JobStage(rawValue: try row("stage")) ?? .failed,
            attempts: try row("attempts"), leaseUntil: try row("lease_until"), error: try row("error"),
            recommendationID: try row("recommendation_id"), createdAt: try row("created_at"),
            updatedAt: try row("updated_at"))
    }
}

extension AccountRecord {
    /// An `accounts` row.
    init(row: some StoredRow) throws {
        self.init(
            id: try row("id"), username: try row("username"), usernameKey: try row("username_key"), email: try row("email"),
            passwordHash: try row("password_hash"), createdAt: try row("created_at"),
            failuresInARow: try row("failed_attempts"), lockedUntil: try row("locked_until"))
    }
}

extension AccountSessionRecord {
    /// An `account_sessions` row.
    init(row: some StoredRow) throws {
        self.init(
            tokenHash: try row("token_hash"), accountID: try row("account_id"), createdAt: try row("created_at"),
            expiresAt: try row("expires_at"))
    }
}

extension SongFeedbackRecord {
    /// A `song_feedback` row; nil for a verdict this version does not know.
    init?(row: some StoredRow) throws {
        guard let verdict = SongVerdict(rawValue: try row("verdict")) else { return nil }
        self.init(songID: try row("song_id"), verdict: verdict, createdAt: try row("created_at"))
    }
}

extension AdminSessionRecord {
    /// An `admin_sessions` row.
    init(row: some StoredRow) throws {
        self.init(tokenHash: try row("token_hash"), createdAt: try row("created_at"), expiresAt: try row("expires_at"))
    }
}

extension AdminAuditEntry {
    /// An `admin_audit` row.
    init(row: some StoredRow) throws {
        self.init(time: try row("time"), action: try row("action"), photoID: try row("photo_id"), detail: try row("detail"))
    }
}

extension AdminLoginState {
    /// The `failed_attempts` and `locked_until` of an `accounts` or `admin_credentials` row; none before any row.
    init(row: (some StoredRow)?) throws {
        guard let row else {
            self.init(failuresInARow: 0, lockedUntil: nil)
            return
        }
        self.init(failuresInARow: try row("failed_attempts"), lockedUntil: try row("locked_until"))
    }
}

extension VideoMatch {
    /// A `video_matches` row.
    init(row: some StoredRow) throws {
        self.init(
            songID: try row("song_id"), videoID: try row("video_id"), title: try row("title"), channel: try row("channel"),
            fetchedAt: try row("fetched_at"))
    }
}

/// The catalog's songs: what makes a stored song differ from an ingested one.
enum SongFingerprint {
    static func of(_ song: Song) -> String {
        [song.title, song.artist, song.album ?? "", song.year.map(String.init) ?? "", song.language ?? "", song.tags.key]
            .joined(separator: "\u{1F}")
    }

    static func of(row: some StoredRow) throws -> String {
        let year: Int? = try row("year")
        let album: String? = try row("album")
        let language: String? = try row("language")
        return [try row("title"), try row("artist"), album ?? "", year.map(String.init) ?? "", language ?? "", try row("tag_set")]
            .joined(separator: "\u{1F}")
    }
}

// MARK: export records from rows

extension TransferSong {
    /// A `songs` row.
    init(row: some StoredRow) throws {
        self.init(
            id: try row("id"), dedupKey: try row("dedup_key"), title: try row("title"), artist: try row("artist"),
            album: try row("album"), genre: try row("genre"), year: try row("year"), language: try row("language"),
            tagSet: try row("tag_set"), updatedAt: (try row("updated_at") as Date).transferTime)
    }
}

extension TransferVector {
    /// A `tag_vectors` row.
    init(row: some StoredRow) throws {
        self.init(tagSet: try row("tag_set"), mode: try row("mode"), model: try row("model"), vector: try row("vector"))
    }
}

extension TransferAccount {
    /// An `accounts` row.
    init(row: some StoredRow) throws {
        self.init(
            id: try row("id"), username: try row("username"), usernameKey: try row("username_key"), email: try row("email"),
            passwordHash: try row("password_hash"), failedAttempts: try row("failed_attempts"),
            lockedUntil: (try row("locked_until") as Date?)?.transferTime, createdAt: (try row("created_at") as Date).transferTime)
    }
}

extension TransferAccountSession {
    /// An `account_sessions` row.
    init(row: some StoredRow) throws {
        self.init(
            tokenHash: try row("token_hash"), accountID: try row("account_id"),
            createdAt: (try row("created_at") as Date).transferTime, expiresAt: (try row("expires_at") as Date).transferTime)
    }
}

extension TransferSongFeedback {
    /// A `song_feedback` row.
    init(row: some StoredRow) throws {
        self.init(
            accountID: try row("account_id"), songID: try row("song_id"), verdict: try row("verdict"),
            createdAt: (try row("created_at") as Date).transferTime)
    }
}

extension TransferAdminCredentials {
    /// The `admin_credentials` row.
    init(row: some StoredRow) throws {
        self.init(
            passwordHash: try row("password_hash"), failedAttempts: try row("failed_attempts"),
            lockedUntil: (try row("locked_until") as Date?)?.transferTime, updatedAt: (try row("updated_at") as Date).transferTime)
    }
}

extension TransferAdminSession {
    /// An `admin_sessions` row.
    init(row: some StoredRow) throws {
        self.init(
            tokenHash: try row("token_hash"), createdAt: (try row("created_at") as Date).transferTime,
            expiresAt: (try row("expires_at") as Date).transferTime)
    }
}

extension TransferAdminAudit {
    /// An `admin_audit` row.
    init(row: some StoredRow) throws {
        self.init(
            time: (try row("time") as Date).transferTime, action: try row("action"), photoID: try row("photo_id"),
            detail: try row("detail"))
    }
}
