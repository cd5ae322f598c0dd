import Foundation

/// Wall-clock timing for the benchmark.
enum Clock {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func secondsAsync(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

enum Percentiles {
    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

/// Runs a Python baseline script and reads the one JSON object it prints; nil when it cannot run.
enum PythonBaseline {
    static func run(_ python: String, _ arguments: [String]) -> [String: Double]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { return nil }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
}

/// The side-by-side table `mupic bench` prints.
struct BenchTable {
    private var rows: [(String, Double, Double?, Bool)] = []
    private var notes: [String] = []

    mutating func add(_ name: String, swift: Double, baseline: Double?, higherIsBetter: Bool) {
        rows.append((name, swift, baseline, higherIsBetter))
    }

    mutating func note(_ text: String) { notes.append(text) }

    func render() -> String {
        var lines = ["| measure | Mupic (Swift) | baseline (Python) | Mupic vs baseline |", "|---|---:|---:|---:|"]
        for (name, swift, baseline, higherIsBetter) in rows {
            let ratio = baseline.map { higherIsBetter ? swift / $0 : $0 / swift }
            lines.append("| \(name) | \(format(swift)) | \(baseline.map(format) ?? "—") | \(ratio.map { String(format: $0 >= 1 ? "%.1f× faster" : "%.2f× (slower)", $0) } ?? "—") |")
        }
        if !notes.isEmpty { lines.append("") }
        return (lines + notes.map { "- " + $0 }).joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 1 ? String(format: "%.2f", value) : String(format: "%.3f", value)
    }
}
