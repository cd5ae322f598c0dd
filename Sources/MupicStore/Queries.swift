import Foundation
import MupicCore

/// The statements both backends run with the same text, each written once; a backend adds only
/// what is its own (PostgreSQL's `RETURNING 1` and `FOR UPDATE`, SQLite's cached statements).
enum Queries {
    // MARK: catalog

    static let songCount: PortableSQL = "SELECT COUNT(*) FROM songs"
    static let distinctTagSetCount: PortableSQL = "SELECT COUNT(DISTINCT tag_set) FROM songs"
    static let songsPerGenre: PortableSQL = "SELECT genre, COUNT(*) AS n FROM songs GROUP BY genre"
    static let songsPerTag: PortableSQL = "SELECT tag, COUNT(*) AS n FROM song_tags GROUP BY tag"
    /// The catalog's songs in the order the index keeps them.
    static let catalogSongs: PortableSQL =
        "SELECT id, title, artist, album, genre, year, language, tag_set FROM songs ORDER BY genre, id"
    /// What `SongFingerprint.of(row:)` reads, with `id` and `dedup_key`.
    static let songFingerprints: PortableSQL =
        "SELECT id, dedup_key, title, artist, album, year, language, tag_set FROM songs"

    static func vectors(mode: String) -> PortableSQL { "SELECT tag_set, vector FROM tag_vectors WHERE mode = \(mode)" }

    static func tagSetsWithoutVectors(mode: String) -> PortableSQL {
        """
        SELECT DISTINCT s.tag_set FROM songs s
        LEFT JOIN tag_vectors v ON v.tag_set = s.tag_set AND v.mode = \(mode)
        WHERE v.tag_set IS NULL ORDER BY s.tag_set
        """
    }

    static let vectorUpsert = "ON CONFLICT (tag_set, mode) DO UPDATE SET model = excluded.model, vector = excluded.vector"

    // MARK: photos

    static func insert(_ photo: PhotoRecord) -> PortableSQL {
        """
        \(sql: Insert.images) VALUES (\(photo.id), \(photo.createdAt), \(photo.contentHash), \(photo.width), \(photo.height),
            \(photo.isPublic), \(photo.isHidden), \(photo.takenAt?.minutePrecision), \(photo.deleteTokenHash),
            \(photo.missingSignals.joined(separator: "\n")), \(photo.accountID), \(photo.language.rawValue),
            \(photo.screening.state.rawValue), \(photo.screening.score))
        """
    }

    static func photo(id: String) -> PortableSQL { "SELECT * FROM images WHERE id = \(id)" }
    static func deleteTags(photoID: String) -> PortableSQL { "DELETE FROM image_tags WHERE image_id = \(photoID)" }

    static func setMissingSignals(_ signals: [String], photoID: String) -> PortableSQL {
        "UPDATE images SET missing_signals = \(signals.joined(separator: "\n")) WHERE id = \(photoID)"
    }

    static func insert(_ recommendation: RecommendationRecord) -> PortableSQL {
        """
        \(sql: Insert.recommendations) VALUES (\(recommendation.id), \(recommendation.photoID), \(recommendation.createdAt),
            \(recommendation.genreIDs.joined(separator: ",")), \(recommendation.tags.key), \(Int64(bitPattern: recommendation.seed)))
        """
    }

    static func recommendation(id: String) -> PortableSQL { "SELECT * FROM recommendations WHERE id = \(id)" }

    static func recommendations(photoID: String) -> PortableSQL {
        "SELECT * FROM recommendations WHERE image_id = \(photoID) ORDER BY created_at, id"
    }

    static func setHidden(_ hidden: Bool, photoID: String) -> PortableSQL {
        "UPDATE images SET is_hidden = \(hidden) WHERE id = \(photoID)"
    }

    static func isContentReferenced(_ contentHash: String) -> PortableSQL {
        "SELECT EXISTS (SELECT 1 FROM images WHERE content_hash = \(contentHash))"
    }

    /// Every photo, newest first, after `cursor`: the moderators' listing.
    static func allPhotos(after cursor: ArchiveCursor?, limit: Int) -> PortableSQL {
        let after: PortableSQL = cursor.map { "WHERE (created_at, id) < (\($0.createdAt), \($0.photoID))" } ?? ""
        return "SELECT * FROM images \(after) ORDER BY created_at DESC, id DESC LIMIT \(limit)"
    }

    /// An account's photos, newest first, after `cursor`.
    static func photos(accountID: String, after cursor: ArchiveCursor?, limit: Int) -> PortableSQL {
        let after: PortableSQL = cursor.map { "AND (created_at, id) < (\($0.createdAt), \($0.photoID))" } ?? ""
        return "SELECT * FROM images WHERE account_id = \(accountID) \(after) ORDER BY created_at DESC, id DESC LIMIT \(limit)"
    }

    static func setScreening(_ screening: PhotoScreening, photoID: String) -> PortableSQL {
        """
        UPDATE images SET screening_state = \(screening.state.rawValue), screening_score = \(screening.score)
        WHERE id = \(photoID)
        """
    }

    static func screeningQueue(limit: Int) -> PortableSQL {
        "SELECT * FROM images WHERE screening_state = \(ScreeningState.flagged.rawValue) ORDER BY created_at, id LIMIT \(limit)"
    }

    // MARK: jobs

    static func insert(_ job: JobRecord) -> PortableSQL {
        """
        \(sql: Insert.jobs) VALUES (\(job.id), \(job.photoID), \(job.genreIDs.joined(separator: ",")), \(job.state.rawValue),
            \(job.stage.rawValue), \(job.attempts), \(job.leaseUntil), \(job.error), \(job.recommendationID), \(job.createdAt),
            \(job.updatedAt))
        """
    }

    static func job(id: String) -> PortableSQL { "SELECT * FROM jobs WHERE id = \(id)" }
    static let pendingJobCount: PortableSQL = "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')"

    /// The claim `attempt` of a running job: what `updateJob`, `completeJob` and `failJob` may change.
    private static func claim(id: String, attempt: Int) -> PortableSQL {
        "WHERE id = \(id) AND state = 'running' AND attempts = \(attempt)"
    }

    static func updateJob(id: String, attempt: Int, stage: JobStage, leaseUntil: Date, now: Date) -> PortableSQL {
        """
        UPDATE jobs SET stage = \(stage.rawValue), lease_until = \(leaseUntil), updated_at = \(now)
        \(claim(id: id, attempt: attempt))
        """
    }

    static func completeJob(id: String, attempt: Int, recommendationID: String, now: Date) -> PortableSQL {
        """
        UPDATE jobs SET state = 'done', stage = 'done', recommendation_id = \(recommendationID), lease_until = NULL,
            updated_at = \(now)
        \(claim(id: id, attempt: attempt))
        """
    }

    static func failJob(id: String, attempt: Int, error: String, now: Date) -> PortableSQL {
        """
        UPDATE jobs SET state = 'failed', stage = 'failed', error = \(error), lease_until = NULL, updated_at = \(now)
        \(claim(id: id, attempt: attempt))
        """
    }

    // MARK: accounts

    /// Adds nothing when the username is taken.
    static func insert(_ account: AccountRecord) -> PortableSQL {
        """
        \(sql: Insert.accounts)
        VALUES (\(account.id), \(account.usernameKey), \(account.username), \(account.email), \(account.passwordHash),
            \(account.failuresInARow), \(account.lockedUntil), \(account.createdAt))
        ON CONFLICT (username_key) DO NOTHING
        """
    }

    static func account(id: String) -> PortableSQL { "SELECT * FROM accounts WHERE id = \(id)" }
    static func account(usernameKey: String) -> PortableSQL { "SELECT * FROM accounts WHERE username_key = \(usernameKey)" }

    static func accountLoginState(accountID: String) -> PortableSQL {
        "SELECT failed_attempts, locked_until FROM accounts WHERE id = \(accountID)"
    }

    static func setAccountLoginState(_ state: AdminLoginState, accountID: String) -> PortableSQL {
        """
        UPDATE accounts SET failed_attempts = \(state.storedFailures), locked_until = \(state.lockedUntil)
        WHERE id = \(accountID)
        """
    }

    static func resetAccountLoginFailures(accountID: String) -> PortableSQL {
        "UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = \(accountID)"
    }

    static func deleteExpiredAccountSessions(at now: Date) -> PortableSQL {
        "DELETE FROM account_sessions WHERE expires_at <= \(now)"
    }

    static func insertAccountSession(tokenHash: String, accountID: String, createdAt: Date, expiresAt: Date) -> PortableSQL {
        "\(sql: Insert.accountSessions) VALUES (\(tokenHash), \(accountID), \(createdAt), \(expiresAt))"
    }

    static func accountSession(tokenHash: String) -> PortableSQL {
        "SELECT * FROM account_sessions WHERE token_hash = \(tokenHash)"
    }

    static func deleteAccountSession(tokenHash: String) -> PortableSQL {
        "DELETE FROM account_sessions WHERE token_hash = \(tokenHash)"
    }

    /// After the account's photos: its sessions, its feedback, the account.
    static func deleteAccountRows(id: String) -> [PortableSQL] {
        [
            "DELETE FROM account_sessions WHERE account_id = \(id)",
            "DELETE FROM song_feedback WHERE account_id = \(id)",
            "DELETE FROM accounts WHERE id = \(id)",
        ]
    }

    static func setPublic(_ isPublic: Bool, photoID: String) -> PortableSQL {
        "UPDATE images SET is_public = \(isPublic) WHERE id = \(photoID)"
    }

    static func deleteFeedback(songID: Int64, accountID: String) -> PortableSQL {
        "DELETE FROM song_feedback WHERE account_id = \(accountID) AND song_id = \(songID)"
    }

    static func setFeedback(_ verdict: SongVerdict, songID: Int64, accountID: String, now: Date) -> PortableSQL {
        """
        \(sql: Insert.songFeedback) VALUES (\(accountID), \(songID), \(verdict.rawValue), \(now))
        ON CONFLICT (account_id, song_id) DO UPDATE SET verdict = excluded.verdict, created_at = excluded.created_at
        """
    }

    static func feedback(accountID: String) -> PortableSQL {
        "SELECT * FROM song_feedback WHERE account_id = \(accountID) ORDER BY created_at DESC, song_id DESC"
    }

    // MARK: admin

    static let adminPasswordHash: PortableSQL = "SELECT password_hash FROM admin_credentials WHERE id = 1"

    static func setAdminPasswordHash(_ hash: String, now: Date) -> PortableSQL {
        """
        \(sql: Insert.adminCredentials) VALUES (1, \(hash), 0, NULL, \(now))
        ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0,
            locked_until = NULL, updated_at = excluded.updated_at
        """
    }

    static let deleteAdminSessions: PortableSQL = "DELETE FROM admin_sessions"
    static let adminLoginState: PortableSQL = "SELECT failed_attempts, locked_until FROM admin_credentials WHERE id = 1"

    static func setAdminLoginState(_ state: AdminLoginState) -> PortableSQL {
        """
        UPDATE admin_credentials SET failed_attempts = \(state.storedFailures), locked_until = \(state.lockedUntil)
        WHERE id = 1
        """
    }

    static let resetAdminLoginFailures: PortableSQL =
        "UPDATE admin_credentials SET failed_attempts = 0, locked_until = NULL WHERE id = 1"

    static func deleteExpiredAdminSessions(at now: Date) -> PortableSQL { "DELETE FROM admin_sessions WHERE expires_at <= \(now)" }

    static func insertAdminSession(tokenHash: String, createdAt: Date, expiresAt: Date) -> PortableSQL {
        "\(sql: Insert.adminSessions) VALUES (\(tokenHash), \(createdAt), \(expiresAt))"
    }

    static func adminSession(tokenHash: String) -> PortableSQL { "SELECT * FROM admin_sessions WHERE token_hash = \(tokenHash)" }

    static func deleteAdminSession(tokenHash: String) -> PortableSQL {
        "DELETE FROM admin_sessions WHERE token_hash = \(tokenHash)"
    }

    static func insert(_ entry: AdminAuditEntry) -> PortableSQL {
        "\(sql: Insert.adminAudit) VALUES (\(entry.time), \(entry.action), \(entry.photoID), \(entry.detail))"
    }

    static func adminAudit(limit: Int) -> PortableSQL { "SELECT * FROM admin_audit ORDER BY time DESC, id DESC LIMIT \(limit)" }

    // MARK: listening

    static func videoMatch(songID: Int64) -> PortableSQL { "SELECT * FROM video_matches WHERE song_id = \(songID)" }

    static func save(_ match: VideoMatch) -> PortableSQL {
        """
        \(sql: Insert.videoMatches) VALUES (\(match.songID), \(match.videoID), \(match.title), \(match.channel), \(match.fetchedAt))
        ON CONFLICT (song_id) DO UPDATE SET video_id = excluded.video_id, title = excluded.title,
            channel = excluded.channel, fetched_at = excluded.fetched_at
        """
    }

    static let timesRecommended: PortableSQL = "SELECT song_id, COUNT(*) AS n FROM recommendation_songs GROUP BY song_id"

    // MARK: transfer

    /// Rows in a table of `transferTables` (never a name from input).
    static func rowCount(table: String) -> PortableSQL { "SELECT COUNT(*) FROM \(sql: table)" }

    static func songPage(after id: Int64) -> PortableSQL {
        "SELECT * FROM songs WHERE id > \(id) ORDER BY id LIMIT \(transferPageSize)"
    }

    static func vectorPage(after key: VectorKey) -> PortableSQL {
        """
        SELECT * FROM tag_vectors WHERE (mode, tag_set) > (\(key.mode), \(key.tagSet))
        ORDER BY mode, tag_set LIMIT \(transferPageSize)
        """
    }

    static func accountPage(after id: String) -> PortableSQL {
        "SELECT * FROM accounts WHERE id > \(id) ORDER BY id LIMIT \(transferPageSize)"
    }

    static func recommendationPage(after id: String) -> PortableSQL {
        "SELECT * FROM recommendations WHERE id > \(id) ORDER BY id LIMIT \(transferPageSize)"
    }

    static func jobPage(after id: String) -> PortableSQL { "SELECT * FROM jobs WHERE id > \(id) ORDER BY id LIMIT \(transferPageSize)" }
    static let adminCredentials: PortableSQL = "SELECT * FROM admin_credentials WHERE id = 1"
    static let adminSessions: PortableSQL = "SELECT * FROM admin_sessions ORDER BY token_hash"

    static func auditPage(after id: Int64) -> PortableSQL {
        "SELECT * FROM admin_audit WHERE id > \(id) ORDER BY id LIMIT \(transferPageSize)"
    }
}

extension AdminLoginState {
    /// The state after one more failed sign-in at `now`: a lock that has run out starts a fresh
    /// count rather than re-locking on the next miss; the `lockAfter`-th failure in a row locks
    /// until `now + lockFor`.
    func failedOnce(now: Date, lockAfter: Int, lockFor: TimeInterval) -> AdminLoginState {
        let base = lockedUntil.map { $0 <= now } == true ? 0 : failuresInARow
        let failures = base + 1
        return AdminLoginState(failuresInARow: failures, lockedUntil: failures >= lockAfter ? now.addingTimeInterval(lockFor) : nil)
    }

    /// The count kept in the database: a lock starts it again from nothing.
    var storedFailures: Int { lockedUntil == nil ? failuresInARow : 0 }
}

/// One count per table holding an account's rows; shared by both backends.
enum AccountRowQueries {
    static let tables = all(accountID: "").map(\.table)

    static func all(accountID id: String) -> [(table: String, count: PortableSQL)] {
        [
            ("accounts", "SELECT COUNT(*) FROM accounts WHERE id = \(id)"),
            ("account_sessions", "SELECT COUNT(*) FROM account_sessions WHERE account_id = \(id)"),
            ("song_feedback", "SELECT COUNT(*) FROM song_feedback WHERE account_id = \(id)"),
            ("images", "SELECT COUNT(*) FROM images WHERE account_id = \(id)"),
            ("image_tags", "SELECT COUNT(*) FROM image_tags t JOIN images i ON i.id = t.image_id WHERE i.account_id = \(id)"),
            (
                "recommendations",
                "SELECT COUNT(*) FROM recommendations r JOIN images i ON i.id = r.image_id WHERE i.account_id = \(id)"
            ),
            (
                "recommendation_songs",
                """
                SELECT COUNT(*) FROM recommendation_songs s JOIN recommendations r ON r.id = s.recommendation_id
                JOIN images i ON i.id = r.image_id WHERE i.account_id = \(id)
                """
            ),
            ("jobs", "SELECT COUNT(*) FROM jobs j JOIN images i ON i.id = j.image_id WHERE i.account_id = \(id)"),
        ]
    }
}
