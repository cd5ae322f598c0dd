import Foundation

/// The `wait` preference of RFC 7240's `Prefer` header: how long a client would rather hold
/// its request open for the finished result than get a job to poll.
///
/// `Prefer: wait=10` on `POST /api/recommendations` answers with the five songs when they are
/// ready within 10 s (at most ``WebLimits/maxPreferredWait``), and with the usual 202 job
/// otherwise. `respond-async` anywhere in the header wins: that client asked not to wait.
struct PreferredWait: Equatable {
    let seconds: Int

    /// The preference among all `Prefer` header values, nil when there is none to honour.
    /// Unknown preferences and parameters are ignored, as the RFC asks; a malformed `wait`
    /// value is a preference not understood, not an error.
    init?(headerValues: [String], limit: Int) {
        var wait: Int?
        for value in headerValues {
            for preference in value.split(separator: ",") {
                let token = preference.split(separator: ";", maxSplits: 1).first ?? preference[...]
                let parts = token.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first?.lowercased() else { continue }
                if name == "respond-async" { return nil }
                guard name == "wait", wait == nil, parts.count == 2 else { continue }
                let digits = parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"") && parts[1].count >= 2
                    ? String(parts[1].dropFirst().dropLast()) : parts[1]
                guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { continue }
                wait = Int(digits) ?? Int.max
            }
        }
        guard let wait, wait > 0 else { return nil }
        seconds = min(wait, limit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
