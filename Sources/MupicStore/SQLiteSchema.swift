import GRDB

/// The SQLite schema, changed only through named migrations so that an
/// existing database is brought forward, never rebuilt.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalog") { db in
            try db.create(table: "songs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("dedup_key", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("artist", .text).notNull()
                t.column("album", .text)
                t.column("genre", .text).notNull().indexed()
                t.column("year", .integer)
                t.column("language", .text)
                t.column("tag_set", .text).notNull().indexed()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "song_tags") { t in
                t.column("song_id", .integer).notNull().references("songs", onDelete: .cascade)
                t.column("tag", .text).notNull().indexed()
                t.primaryKey(["song_id", "tag"])
            }
            try db.create(table: "tag_vectors") { t in
                t.column("tag_set", .text).notNull()
                t.column("mode", .text).notNull()
                t.column("model", .text).notNull()
                t.column("vector", .blob).notNull()
                t.primaryKey(["tag_set", "mode"])
            }
        }
        migrator.registerMigration("v1-photos") { db in
            // The original's images / image_tags / recommendations, plus the job queue the web runs on.
            try db.create(table: "images") { t in
                t.primaryKey("id", .text)
                t.column("created_at", .datetime).notNull().indexed()
                t.column("content_hash", .text).notNull()
                t.column("width", .integer).notNull()
                t.column("height", .integer).notNull()
                t.column("is_public", .boolean).notNull().defaults(to: true)
                t.column("is_hidden", .boolean).notNull().defaults(to: false)
                t.column("taken_at", .text)
                t.column("delete_token_hash", .text).notNull()
                t.column("missing_signals", .text).notNull().defaults(to: "")
            }
            try db.create(table: "image_tags") { t in
                t.column("image_id", .text).notNull().references("images", onDelete: .cascade)
                t.column("tag", .text).notNull()
                t.column("score", .double).notNull()
                t.column("evidence", .text).notNull()
                t.primaryKey(["image_id", "tag"])
            }
            try db.create(table: "recommendations") { t in
                t.primaryKey("id", .text)
                t.column("image_id", .text).notNull().indexed().references("images", onDelete: .cascade)
                t.column("created_at", .datetime).notNull()
                t.column("genres", .text).notNull()
                t.column("tags", .text).notNull()
                t.column("seed", .integer).notNull()
            }
            try db.create(table: "recommendation_songs") { t in
                t.column("recommendation_id", .text).notNull().references("recommendations", onDelete: .cascade)
                t.column("rank", .integer).notNull()
                t.column("song_id", .integer).notNull().references("songs")
                t.column("similarity", .double).notNull()
                t.column("reason", .text).notNull()
                t.column("shared_tags", .text).notNull()
                t.primaryKey(["recommendation_id", "rank"])
            }
            try db.create(table: "jobs") { t in
                t.primaryKey("id", .text)
                t.column("image_id", .text).notNull().references("images", onDelete: .cascade)
                t.column("genres", .text).notNull()
                t.column("state", .text).notNull().indexed()
                t.column("stage", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("lease_until", .datetime)
                t.column("error", .text)
                t.column("recommendation_id", .text)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2-admin") { db in
            // One row: there is a single administrator.
            try db.create(table: "admin_credentials") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("password_hash", .text).notNull()
                t.column("failed_attempts", .integer).notNull().defaults(to: 0)
                t.column("locked_until", .datetime)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "admin_sessions") { t in
                t.primaryKey("token_hash", .text)
                t.column("created_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull().indexed()
            }
            // No foreign key to images: the trail must outlive the photos it mentions.
            try db.create(table: "admin_audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .datetime).notNull().indexed()
                t.column("action", .text).notNull()
                t.column("photo_id", .text)
                t.column("detail", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v3-videos") { db in
            // One row per searched song; video_id NULL remembers that nothing was good enough.
            try db.create(table: "video_matches") { t in
                t.primaryKey("song_id", .integer).references("songs", onDelete: .cascade)
                t.column("video_id", .text)
                t.column("title", .text)
                t.column("channel", .text)
                t.column("fetched_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("v5-accounts") { db in
            try db.create(table: "accounts") { t in
                t.primaryKey("id", .text)
                t.column("username_key", .text).notNull().unique()
                t.column("username", .text).notNull()
                t.column("email", .text)
                t.column("password_hash", .text).notNull()
                t.column("failed_attempts", .integer).notNull().defaults(to: 0)
                t.column("locked_until", .datetime)
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "account_sessions") { t in
                t.primaryKey("token_hash", .text)
                t.column("account_id", .text).notNull().indexed().references("accounts", onDelete: .cascade)
                t.column("created_at", .datetime).notNull()
                t.column("expires_at", .datetime).notNull().indexed()
            }
            try db.create(table: "song_feedback") { t in
                t.column("account_id", .text).notNull().references("accounts", onDelete: .cascade)
                t.column("song_id", .integer).notNull().references("songs", onDelete: .cascade)
                t.column("verdict", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.primaryKey(["account_id", "song_id"])
            }
            // NULL for anonymous uploads, as every photo before accounts existed.
            try db.alter(table: "images") { t in
                t.add(column: "account_id", .text).references("accounts", onDelete: .cascade)
                t.add(column: "language", .text).notNull().defaults(to: "any")
            }
            try db.create(index: "images_account", on: "images", columns: ["account_id", "created_at", "id"])
            // The liked song that brought a song onto the list; no foreign key: only an explanation.
            try db.alter(table: "recommendation_songs") { t in
                t.add(column: "liked_song_id", .integer)
            }
        }
        migrator.registerMigration("v6-screening") { db in
            // Photos stored before screening existed keep their place in the archive ('unscreened').
            try db.alter(table: "images") { t in
                t.add(column: "screening_state", .text).notNull().defaults(to: ScreeningState.unscreened.rawValue)
                t.add(column: "screening_score", .double)
            }
            try db.create(index: "images_screening", on: "images", columns: ["screening_state", "created_at"])
        }
        migrator.registerMigration("v7-archive-index") { db in
            // The archive's pages in order (PostgreSQL has had this index since v1): without it a
            // page sorted every public photo, 250 ms a page at 10,000 photos.
            try db.execute(
                sql: "CREATE INDEX images_archive ON images (created_at DESC, id DESC) WHERE is_public AND NOT is_hidden")
            try db.execute(
                sql: "CREATE INDEX recommendations_latest ON recommendations (image_id, created_at DESC, id DESC)")
        }
        return migrator
    }
}
