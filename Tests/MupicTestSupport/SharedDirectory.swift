public import Foundation

/// The team's shared data folder: `$MUPIC_SHARED_DIR`, else `../shared` next to the package root
/// (in a worktree /work/wt-X that is /work/shared, as in CI).
public enum SharedDirectory {
    public static let url: URL = {
        if let shared = ProcessInfo.processInfo.environment["MUPIC_SHARED_DIR"], !shared.isEmpty {
            return URL(fileURLWithPath: shared, isDirectory: true)
        }
        // Tests/MupicTestSupport/SharedDirectory.swift → package root → its sibling `shared`.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }()
}
