import Foundation
import Testing
@testable import MupicApp
@testable import MupicWeb

/// Photo files are written to a staging directory, synced and renamed; what a crash leaves
/// there is removed at the next start, and nothing a live writer still owns.
@Suite struct DurableFileTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mupic-durable-\(UUID().uuidString)")

    @Test func aStoredPhotoLeavesNoTemporaryFile() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = PhotoFileStore(directory: directory.appendingPathComponent("photos/new"))
        let hash = String(repeating: "ab", count: 32)
        try store.store(contentHash: hash, full: Data(repeating: 7, count: 100_000), thumbnail: Data([1]))
        #expect(store.read(contentHash: hash, .full) == Data(repeating: 7, count: 100_000))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.staging.path).isEmpty)
    }

    @Test func theSweepRemovesOnlyWhatNoLiveWriterOwns() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = PhotoFileStore(directory: directory)
        try FileManager.default.createDirectory(at: store.staging, withIntermediateDirectories: true)
        let ours = DurableFile.temporaryName()
        let host = ours.split(separator: "-")[0]
        // pid 2^22 + 1 is above Linux's pid_max limit, so no process has it.
        let deadWriter = "\(host)-4194305-abc.tmp"
        let freshForeign = "otherhost-12-abc.tmp"
        let oldForeign = "otherhost-13-abc.tmp"
        for name in [ours, deadWriter, freshForeign, oldForeign] {
            #expect(FileManager.default.createFile(atPath: store.staging.appendingPathComponent(name).path, contents: Data([1])))
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-7200)],
            ofItemAtPath: store.staging.appendingPathComponent(oldForeign).path)

        #expect(store.removeAbandonedTemporaryFiles() == 2)
        let left = try FileManager.default.contentsOfDirectory(atPath: store.staging.path).sorted()
        #expect(left == [ours, freshForeign].sorted())
    }

    @Test func aFailedWriteSaysWhatToDo() {
        let full = PhotoStoreError(path: "/photos/ab/x.jpg", operation: "write", code: ENOSPC)
        #expect(full.isOutOfSpace)
        #expect(full.description.contains("free space"))
        let denied = PhotoStoreError(path: "/photos", operation: "create", code: EACCES)
        #expect(!denied.isOutOfSpace)
        #expect(denied.description.contains("--photos"))
    }
}
