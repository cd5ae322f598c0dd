public import Foundation

/// When the one retry is worth making, and how long to wait before it.
///
/// Timeouts, dropped connections, 408, 429 and 5xx are often gone a moment later; a
/// refusal, a bad key (401/403), a wrong URL or model (404), a rejected request (400) or an
/// unreadable answer are not, so those fail at once and the offline tagger answers sooner.
public struct VisionChatRetryPolicy: Sendable, Hashable {
    /// Wait before the retry when the server says nothing about when to come back.
    public var defaultDelay: Duration
    /// The longest `Retry-After` honoured. A 429 asking for more is not retried: waiting only
    /// part of it would be refused again, and someone is waiting for the page.
    public var maxRetryAfter: Duration

    public init(defaultDelay: Duration = .milliseconds(500), maxRetryAfter: Duration = .seconds(10)) {
        self.defaultDelay = defaultDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// How long to wait before retrying after `error`, or nil when it is not worth retrying.
    public func delay(before error: VisionChatError) -> Duration? {
        switch error {
        case .timedOut, .unreachable:
            return defaultDelay
        case .http(429, _, "insufficient_quota", _):
            return nil
        case .http(429, _, _, let retryAfter):
            guard let retryAfter else { return defaultDelay }
            return retryAfter <= maxRetryAfter ? retryAfter : nil
        case .http(let status, _, _, let retryAfter) where status == 408 || (500...599).contains(status):
            return min(retryAfter ?? defaultDelay, maxRetryAfter)
        default:
            return nil
        }
    }

    /// The wait a response asks for: OpenAI's and Azure's `retry-after-ms`, else `Retry-After`
    /// in seconds or as an HTTP date (RFC 9110 §10.2.3). Nil when absent or unreadable.
    public static func retryAfter(milliseconds: String?, retryAfter: String?, now: @autoclosure () -> Date = Date())
        -> Duration?
    {
        if let text = milliseconds?.trimmingCharacters(in: .whitespaces), let value = Double(text), value >= 0 {
            return .milliseconds(Int64(value.rounded(.up)))
        }
        guard let text = retryAfter?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds >= 0 {
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        guard let date = httpDateFormatter().date(from: text) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now()))
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// IMF-fixdate, the only form senders may use: `Sun, 06 Nov 1994 08:49:37 GMT`. A new
    /// formatter per call: dates arrive only with a 429, and a shared one would need a lock.
    private static func httpDateFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
