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
