import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Posts one chat-completions request and returns the completion, retrying once when the
/// failure is the kind that passes (see `VisionChatRetryPolicy`).
///
/// Throws `VisionChatError`, or `CancellationError` when the caller's task is cancelled.
struct VisionChatClient: Sendable {
    let configuration: VisionChatConfiguration
    let httpClient: HTTPClient
    let retryPolicy: VisionChatRetryPolicy
    let logger: Logger

    /// A completion is a few hundred bytes; anything near this is not one.
    static let maxResponseBytes = 1 << 20

    func complete(_ body: [UInt8]) async throws -> ChatCompletion {
        do {
            return try await attempt(body)
        } catch let first as VisionChatError {
            guard let delay = retryPolicy.delay(before: first) else { throw first }
            logger.notice(
                "vision model failed, retrying once",
                metadata: ["error": "\(first.summary)", "wait": "\(delay.secondsText)"])
            try await Task.sleep(for: delay)
            do {
                return try await attempt(body)
            } catch let second as VisionChatError {
                throw VisionChatError.afterRetry(second)
            }
        }
    }

    private func attempt(_ body: [UInt8]) async throws -> ChatCompletion {
        var request = HTTPClientRequest(url: configuration.endpoint.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        if let key = configuration.key {
            switch configuration.service {
            case .openAICompatible: request.headers.add(name: "Authorization", value: "Bearer \(key)")
            case .azureOpenAI: request.headers.add(name: "api-key", value: key)
            }
        }
        request.body = .bytes(body)

        let started = ContinuousClock.now
        let status: Int
        let retryAfter: (milliseconds: String?, seconds: String?)
        let bytes: [UInt8]
        do {
            let response = try await httpClient.execute(
                request, deadline: .now() + .nanoseconds(configuration.timeout.nanoseconds), logger: logger)
            status = Int(response.status.code)
            retryAfter = (response.headers.first(name: "retry-after-ms"), response.headers.first(name: "retry-after"))
            bytes = Array(buffer: try await response.body.collect(upTo: Self.maxResponseBytes))
        } catch {
            throw classify(error)
        }
        logger.debug(
            "vision model replied",
            metadata: ["status": "\(status)", "bytes": "\(bytes.count)", "elapsed": "\(ContinuousClock.now - started)"])

        guard (200...299).contains(status) else {
            let error = ChatErrorBody(bytes)
            // Azure answers a prompt its filter blocks with 400 and code content_filter: not a client bug.
            if status == 400, error.code == "content_filter" { throw VisionChatError.contentFiltered(error.message) }
            throw VisionChatError.http(
                status: status, message: error.message, code: error.code,
                retryAfter: VisionChatRetryPolicy.retryAfter(
                    milliseconds: retryAfter.milliseconds, retryAfter: retryAfter.seconds))
        }
        return try ChatCompletion.decode(bytes)
    }

    /// Maps a transport failure onto the tagger's errors; cancellation stays cancellation.
    private func classify(_ error: any Error) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if error is NIOTooManyBytesError {
            return VisionChatError.malformedResponse("the reply is larger than \(Self.maxResponseBytes) bytes")
        }
        if let error = error as? HTTPClientError, Self.timeouts.contains(error) {
            return VisionChatError.timedOut(after: configuration.timeout)
        }
        return VisionChatError.unreachable(endpoint: configuration.endpoint.absoluteString, reason: "\(error)")
    }

    private static let timeouts: [HTTPClientError] = [
        .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout,
        .tlsHandshakeTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
    ]
}
