import Testing
@testable import MupicStore

/// `--database` and `MUPIC_DATABASE_URL`: which backend, and a PostgreSQL URL's parts.
@Suite struct PostgresLocationTests {
    @Test func aPostgresURLIsPostgresAnythingElseASQLitePath() throws {
        #expect(try StorageLocation("var/mupic.sqlite") == .sqlite(path: "var/mupic.sqlite"))
        #expect(try StorageLocation("postgres://u@h/db").isPostgres)
        #expect(try StorageLocation("postgresql://u@h/db").isPostgres)
        #expect(try StorageLocation.resolve(option: nil, environment: [:]) == .sqlite(path: "var/mupic.sqlite"))
        #expect(try StorageLocation.resolve(option: nil, environment: ["MUPIC_DATABASE": "x.sqlite"]) == .sqlite(path: "x.sqlite"))
        #expect(
            try StorageLocation.resolve(
                option: nil, environment: ["MUPIC_DATABASE": "x.sqlite", "MUPIC_DATABASE_URL": "postgres://u@h/db"]
            ).isPostgres)
        #expect(
            try StorageLocation.resolve(option: "y.sqlite", environment: ["MUPIC_DATABASE_URL": "postgres://u@h/db"])
                == .sqlite(path: "y.sqlite"))
    }

    @Test func theURLsPartsAndOptions() throws {
        let location = try PostgresLocation(url: "postgres://mupic:s%40cret@db.local:6543/photos?sslmode=require&pool=30&schema=site_1")
        #expect(location.host == "db.local" && location.port == 6543)
        #expect(location.username == "mupic" && location.password == "s@cret")
        #expect(location.database == "photos" && location.schema == "site_1")
        #expect(location.tls == .require && location.maximumConnections == 30)
        #expect(!location.description.contains("s@cret") && !location.description.contains("cret"))
        let plain = try PostgresLocation(url: "postgres://mupic@127.0.0.1/mupic")
        #expect(try PostgresLocation(url: "postgres://u@h/d?sslmode=verify-full").tls == .verifyFull)
        #expect(plain.port == 5432 && plain.password == nil && plain.tls == .prefer && plain.maximumConnections == 10)
    }

    @Test(arguments: [
        "postgres://host/db", "postgres://u@host", "postgres://u@host/db?pool=0", "postgres://u@host/db?sslmode=maybe",
        "postgres://u@host/db?schema=a;drop", "postgres://u@host/db?colour=red",
    ])
    func badURLsAreRefusedWithTheReason(url: String) {
        #expect(throws: StorageError.self) { try PostgresLocation(url: url) }
    }
}
