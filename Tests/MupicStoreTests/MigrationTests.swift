import Foundation
import Testing
@testable import MupicStore

/// Schemas come up on open, again changes nothing, and processes opening one database at
/// the same moment do not trip over each other.
@Suite struct MigrationTests {
    @Test(arguments: StorageBackend.allCases)
    func openingTwiceKeepsTheData(backend: StorageBackend) async throws {
        try await backend.withLocation { location in
            let first = try await StorageBackend.open(location)
            _ = try await first.upsert(Fixtures.songs)
            await first.close()
            let second = try await StorageBackend.open(location)
            #expect(try await second.catalogStats().songs == 4)
            #expect(Set(try await second.rowCounts().keys) == Set(transferTables))
            await second.close()
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func manyProcessesOpeningAtOnceAllSucceed(backend: StorageBackend) async throws {
        try await backend.withLocation { location in
            let stores = try await withThrowingTaskGroup(of: (any MupicStorage).self) { group in
                for _ in 0..<6 { group.addTask { try await StorageBackend.open(location) } }
                var stores: [any MupicStorage] = []
                for try await store in group { stores.append(store) }
                return stores
            }
            #expect(try await stores[0].upsert(Fixtures.songs) == UpsertCounts(inserted: 4))
            #expect(try await stores[5].catalogStats().songs == 4)
            for store in stores { await store.close() }
        }
    }

    @Test func postgresMigrationsAreRecordedOnceAndRerunsApplyNothing() async throws {
        try await StorageBackend.postgres.withLocation { location in
            guard case .postgres(let postgres) = location else { return }
            let store = try await PostgresStorage.open(postgres, connectTimeout: .seconds(180))
            #expect(try await store.migrate() == [])
            let names = try await store.withSession { session in
                try await session.rows("SELECT name FROM mupic_migrations ORDER BY name").map { try $0("name", as: String.self) }
            }
            #expect(names == PostgresSchema.migrations.map(\.name).sorted())
            await store.close()
        }
    }

    @Test func anUnreachableServerIsAClearErrorNotAHang() async throws {
        // Port 1 on loopback: nothing listens there. No wall-clock bound is checked: on two busy
        // cores other suites can starve the timer; that the call returns at all is the point.
        let nowhere = PostgresLocation(host: "127.0.0.1", port: 1, username: "mupic", database: "mupic", tls: .disable)
        await #expect {
            try await PostgresStorage.open(nowhere, connectTimeout: .seconds(2))
        } throws: { error in
            "\(error)".contains("scripts/postgres.sh start")
        }
    }
}
