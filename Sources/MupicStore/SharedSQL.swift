/// SQL text the two backends run as it is, written once: statements without values, and the
/// `INSERT INTO table (columns)` heads that each backend completes with its own `VALUES`.
enum SharedSQL {
    static let songCount = "SELECT COUNT(*) FROM songs"
    static let distinctTagSetCount = "SELECT COUNT(DISTINCT tag_set) FROM songs"
    static let songsPerGenre = "SELECT genre, COUNT(*) AS n FROM songs GROUP BY genre"
    static let songsPerTag = "SELECT tag, COUNT(*) AS n FROM song_tags GROUP BY tag"
    /// The catalog's songs in the order the index keeps them.
    static let catalogSongs = "SELECT id, title, artist, album, genre, year, language, tag_set FROM songs ORDER BY genre, id"
    static let timesRecommended = "SELECT song_id, COUNT(*) AS n FROM recommendation_songs GROUP BY song_id"
    static let pendingJobCount = "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')"
    static let adminPasswordHash = "SELECT password_hash FROM admin_credentials WHERE id = 1"
    static let adminLoginState = "SELECT failed_attempts, locked_until FROM admin_credentials WHERE id = 1"
    static let resetAdminLoginFailures = "UPDATE admin_credentials SET failed_attempts = 0, locked_until = NULL WHERE id = 1"
    static let deleteAdminSessions = "DELETE FROM admin_sessions"
    static let adminCredentials = "SELECT * FROM admin_credentials WHERE id = 1"
    static let adminSessions = "SELECT * FROM admin_sessions ORDER BY token_hash"
}

/// Every table's `INSERT INTO table (columns)`, in the columns' order both backends bind.
enum Insert {
    static let songs = "INSERT INTO songs (id, dedup_key, title, artist, album, genre, year, language, tag_set, updated_at)"
    /// A song new to the catalog: its id is the next one.
    static let newSongs = "INSERT INTO songs (dedup_key, title, artist, album, genre, year, language, tag_set, updated_at)"
    static let songTags = "INSERT INTO song_tags (song_id, tag)"
    static let tagVectors = "INSERT INTO tag_vectors (tag_set, mode, model, vector)"
    static let accounts = """
        INSERT INTO accounts (id, username_key, username, email, password_hash, failed_attempts, locked_until, created_at)
        """
    static let accountSessions = "INSERT INTO account_sessions (token_hash, account_id, created_at, expires_at)"
    static let songFeedback = "INSERT INTO song_feedback (account_id, song_id, verdict, created_at)"
    static let images = """
        INSERT INTO images (id, created_at, content_hash, width, height, is_public, is_hidden, taken_at,
            delete_token_hash, missing_signals, account_id, language, screening_state, screening_score)
        """
    static let imageTags = "INSERT INTO image_tags (image_id, tag, score, evidence)"
    static let recommendations = "INSERT INTO recommendations (id, image_id, created_at, genres, tags, seed)"
    static let recommendationSongs = """
        INSERT INTO recommendation_songs (recommendation_id, rank, song_id, similarity, reason, shared_tags, liked_song_id)
        """
    static let jobs = """
        INSERT INTO jobs (id, image_id, genres, state, stage, attempts, lease_until, error, recommendation_id,
            created_at, updated_at)
        """
    static let adminCredentials = "INSERT INTO admin_credentials (id, password_hash, failed_attempts, locked_until, updated_at)"
    static let adminSessions = "INSERT INTO admin_sessions (token_hash, created_at, expires_at)"
    static let adminAudit = "INSERT INTO admin_audit (time, action, photo_id, detail)"
    static let videoMatches = "INSERT INTO video_matches (song_id, video_id, title, channel, fetched_at)"
}
