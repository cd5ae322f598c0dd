import Foundation
import MupicCore
import Testing
@testable import MupicStore

/// Accounts, their sessions, history, feedback and deletion, on every backend.
@Suite struct AccountConformanceTests {
    let t0 = Fixtures.t0

    func account(_ id: String, _ name: String) -> AccountRecord {
        AccountRecord(
            id: id, username: name, usernameKey: name.lowercased(), email: "\(name)@example.com", passwordHash: "bcrypt-\(id)",
            createdAt: t0)
    }

    func ownedPhoto(_ id: String, by account: String?, at offset: TimeInterval, language: LanguageFilter = .any) -> PhotoRecord {
        var photo = Fixtures.photo(id, at: offset)
        photo.accountID = account
        photo.language = language
        return photo
    }

    @Test(arguments: StorageBackend.allCases)
    func usernamesAreUniqueAndAccountsReadBack(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let created = try await store.createAccount(account("a1", "Mina"))
            let again = try await store.createAccount(account("a2", "mina"))
            #expect(created && !again)
            #expect(try await store.account(id: "a1") == account("a1", "Mina"))
            #expect(try await store.account(usernameKey: "mina")?.id == "a1")
            #expect(try await store.account(usernameKey: "nobody") == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func failuresLockTheAccountAndASuccessClearsThem(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.createAccount(account("a1", "mina"))
            for attempt in 1...4 {
                let state = try await store.recordAccountLoginFailure(accountID: "a1", now: t0, lockAfter: 5, lockFor: 900)
                #expect(state.failuresInARow == attempt && !state.isLocked(at: t0))
            }
            let locked = try await store.recordAccountLoginFailure(accountID: "a1", now: t0, lockAfter: 5, lockFor: 900)
            #expect(locked.isLocked(at: t0.addingTimeInterval(899)))
            #expect(try await store.account(id: "a1")?.lockedUntil == t0.addingTimeInterval(900))
            let after = try await store.recordAccountLoginFailure(
                accountID: "a1", now: t0.addingTimeInterval(901), lockAfter: 5, lockFor: 900)
            #expect(after.failuresInARow == 1)
            try await store.resetAccountLoginFailures(accountID: "a1")
            #expect(try await store.account(id: "a1")?.loginState == AdminLoginState(failuresInARow: 0, lockedUntil: nil))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func sessionsExpireAndEnd(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            _ = try await store.createAccount(account("a1", "mina"))
            try await store.createAccountSession(tokenHash: "s1", accountID: "a1", createdAt: t0, expiresAt: t0.addingTimeInterval(60))
            #expect(try await store.accountSession(tokenHash: "s1", now: t0) == AccountSessionRecord(
                tokenHash: "s1", accountID: "a1", createdAt: t0, expiresAt: t0.addingTimeInterval(60)))
            #expect(try await store.accountSession(tokenHash: "s1", now: t0.addingTimeInterval(61)) == nil)
            #expect(try await store.accountRowCounts(accountID: "a1")["account_sessions"] == 0)
            try await store.createAccountSession(tokenHash: "s2", accountID: "a1", createdAt: t0, expiresAt: t0.addingTimeInterval(60))
            try await store.deleteAccountSession(tokenHash: "s2")
            #expect(try await store.accountSession(tokenHash: "s2", now: t0) == nil)
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func historyIsTheAccountsOwnPhotosNewestFirstWithEveryPlaylist(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await Fixtures.smallCatalog(in: store)
            _ = try await store.createAccount(account("a1", "mina"))
            for (index, id) in ["p1", "p2", "p3"].enumerated() {
                try await store.savePhoto(
                    ownedPhoto(id, by: "a1", at: Double(index), language: .korean),
                    job: Fixtures.job("j-\(id)", photo: id, at: Double(index)))
            }
            try await store.savePhoto(ownedPhoto("anon", by: nil, at: 10), job: Fixtures.job("j-anon", photo: "anon", at: 10))
            var liked = try Fixtures.recommendation("r1b", photo: "p1", songs: songs, at: 5)
            liked.songs[1].likedSongID = songs[0]
            try await store.saveRecommendation(try Fixtures.recommendation("r1a", photo: "p1", songs: songs, at: 4))
            try await store.saveRecommendation(liked)

            let first = try await store.history(accountID: "a1", after: nil, limit: 2)
            #expect(first.map(\.photo.id) == ["p3", "p2"])
            #expect(first[0].photo.accountID == "a1" && first[0].photo.language == .korean)
            let last = first.last!.photo
            let rest = try await store.history(
                accountID: "a1", after: ArchiveCursor(createdAt: last.createdAt, photoID: last.id), limit: 2)
            #expect(rest.map(\.photo.id) == ["p1"])
            #expect(rest[0].recommendations.map(\.id) == ["r1b", "r1a"])
            #expect(rest[0].recommendations[0].songs.map(\.likedSongID) == [nil, songs[0]])
            #expect(try await store.photo(id: "anon")?.accountID == nil)
            #expect(try await store.photo(id: "anon")?.language == .any)

            try await store.setPublic(false, photoID: "p2")
            #expect(try await store.photo(id: "p2")?.isPublic == false)
            #expect(!(try await store.archive(after: nil, limit: 10).map(\.photo.id).contains("p2")))
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func feedbackIsOneVerdictPerSongNewestFirst(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await Fixtures.smallCatalog(in: store)
            _ = try await store.createAccount(account("a1", "mina"))
            _ = try await store.createAccount(account("a2", "joon"))
            try await store.setFeedback(.like, songID: songs[0], accountID: "a1", now: t0)
            try await store.setFeedback(.dislike, songID: songs[1], accountID: "a1", now: t0.addingTimeInterval(1))
            try await store.setFeedback(.like, songID: songs[1], accountID: "a2", now: t0)
            #expect(try await store.feedback(accountID: "a1") == [
                SongFeedbackRecord(songID: songs[1], verdict: .dislike, createdAt: t0.addingTimeInterval(1)),
                SongFeedbackRecord(songID: songs[0], verdict: .like, createdAt: t0),
            ])
            try await store.setFeedback(.dislike, songID: songs[0], accountID: "a1", now: t0.addingTimeInterval(2))
            #expect(try await store.feedback(accountID: "a1").map(\.verdict) == [.dislike, .dislike])
            try await store.setFeedback(nil, songID: songs[0], accountID: "a1", now: t0)
            #expect(try await store.feedback(accountID: "a1").map(\.songID) == [songs[1]])
            #expect(try await store.feedback(accountID: "a2").map(\.verdict) == [.like])
        }
    }

    @Test(arguments: StorageBackend.allCases)
    func deletingAnAccountLeavesNoRowOfItAndSparesOthers(backend: StorageBackend) async throws {
        try await backend.withStore { store in
            let songs = try await Fixtures.smallCatalog(in: store)
            _ = try await store.createAccount(account("a1", "mina"))
            _ = try await store.createAccount(account("a2", "joon"))
            for (id, owner) in [("p1", "a1"), ("p2", "a1"), ("q1", "a2")] {
                try await store.savePhoto(ownedPhoto(id, by: owner, at: 0), job: Fixtures.job("j-\(id)", photo: id, at: 0))
                try await store.saveRecommendation(try Fixtures.recommendation("r-\(id)", photo: id, songs: songs, at: 1))
            }
            try await store.setFeedback(.like, songID: songs[0], accountID: "a1", now: t0)
            try await store.setFeedback(.like, songID: songs[0], accountID: "a2", now: t0)
            try await store.createAccountSession(tokenHash: "s1", accountID: "a1", createdAt: t0, expiresAt: t0.addingTimeInterval(60))
            let before = try await store.accountRowCounts(accountID: "a1")
            #expect(before == [
                "accounts": 1, "account_sessions": 1, "song_feedback": 1, "images": 2, "image_tags": 4,
                "recommendations": 2, "recommendation_songs": 4, "jobs": 2,
            ])
            let others = try await store.accountRowCounts(accountID: "a2")

            let hashes = try await store.deleteAccount(id: "a1")
            #expect(Set(hashes) == ["hash-p1", "hash-p2"])
            #expect(try await store.accountRowCounts(accountID: "a1").values.allSatisfy { $0 == 0 })
            #expect(try await store.account(id: "a1") == nil)
            #expect(try await store.photo(id: "p1") == nil)
            #expect(try await store.accountRowCounts(accountID: "a2") == others)
            #expect(try await store.rowCounts()["images"] == 1)
        }
    }
}
