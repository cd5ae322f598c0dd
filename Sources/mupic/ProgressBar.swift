import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal,
/// so logs and pipes stay clean.
final class ProgressBar {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private(set) var done = 0

    init(_ label: String, total: Int) {
        self.label = label
        self.total = total
        enabled = isatty(STDERR_FILENO) == 1 && total > 0
    }

    func advance(by count: Int) {
        done += count
        let now = Date()
        guard enabled, now.timeIntervalSince(lastDrawn) > 0.1 || done >= total else { return }
        lastDrawn = now
        draw(now)
    }

    func finish() {
        guard enabled else { return }
        draw(Date())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ now: Date) {
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(
            format: "\r%@ [%@] %3d%% %d/%d  %.0f/s  ETA %.0fs ", label, bar, Int(fraction * 100), done, total, rate, remaining)
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// Status lines on standard error (phases of long work), kept out of standard output.
func status(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
