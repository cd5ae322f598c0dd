import Hummingbird
import Logging
import MupicApp
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Loads the site's services (storage, models, catalog) and opens the gate; when loading fails
/// (an unreachable or damaged database, a missing or unreadable model) it says why in one log
/// line, keeps the 503 page up and tries again, so the server recovers once the cause is gone
/// without anyone restarting it. Once open, it runs the job workers and closes the storage after
/// them at shutdown.
struct StartupService: Service {
    let gate: StartupGate
    let retry: StartupRetry
    let logger: Logger
    /// Builds the services; on failure it has released whatever it opened.
    let load: @Sendable () async throws -> AppServices
    /// Whether the storage is this service's to close when the workers have stopped.
    let closesStorage: Bool
    /// The site's routes around loaded services.
    let site: @Sendable (AppServices) -> RouterResponder<WebContext>

    func run() async throws {
        let stopping = NIOLockedValueBox(false)
        try await withGracefulShutdownHandler {
            try await startThenServe(stopping: stopping)
        } onGracefulShutdown: {
            stopping.withLockedValue { $0 = true }
        }
    }

    private func startThenServe(stopping: NIOLockedValueBox<Bool>) async throws {
        var delay = retry.first
        var failures = 0
        while true {
            let services: AppServices
            do {
                // A shutdown cancels a load still waiting (for PostgreSQL, say); the load closes what it opened.
                services = try await cancelWhenGracefulShutdown { try await load() }
            } catch {
                if stopping.withLockedValue({ $0 }) { return }
                failures += 1
                // Every load error names its cause and the fix (which option, which script).
                logger.error(
                    "Mupic cannot start yet, answering 503 until it can: \(error)",
                    metadata: ["attempt": "\(failures)", "retry_in": "\(delay)"])
                let wait = delay
                guard (try? await cancelWhenGracefulShutdown({ try await Task.sleep(for: wait) })) != nil else { return }
                delay = retry.next(after: delay)
                continue
            }
            gate.open(site(services))
            if failures > 0 { logger.notice("Mupic is serving again", metadata: ["failed_attempts": "\(failures)"]) }
            services.photos.removeAbandonedTemporaryFiles()
            // Workers first, storage after: jobs in hand finish before the connections close.
            try await services.workers.run()
            if closesStorage { await services.storage.close() }
            return
        }
    }
}
