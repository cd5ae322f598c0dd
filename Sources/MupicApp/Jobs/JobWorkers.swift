import Logging
public import ServiceLifecycle

/// The job workers, run by the application's service group.
///
/// `workers` tasks each wait on their own wake-up stream: an upload wakes them at once,
/// and a periodic tick makes them look for jobs nobody announced (left by a process that
/// died, whose leases have expired). On graceful shutdown the streams end; each worker
/// finishes the job in hand and returns.
public struct JobWorkers: Service {
    let runner: JobRunner
    let signal: JobSignal
    let settings: JobSettings
    let logger: Logger

    public func run() async throws {
        let runner = runner
        let signal = signal
        let streams = (0..<settings.workers).map { _ in signal.listen() }
        let poll = settings.pollInterval
        logger.info("job workers started", metadata: ["workers": "\(streams.count)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while (try? await Task.sleep(for: poll)) != nil { signal.notify() }
            }
            await withTaskGroup(of: Void.self) { workers in
                for stream in streams {
                    workers.addTask {
                        for await _ in stream { await runner.drain() }
                    }
                }
                // Returns when shutdown begins (or throws when the group is cancelled): stop either way.
                try? await gracefulShutdown()
                signal.finish()
            }
            group.cancelAll()
        }
        logger.info("job workers stopped")
    }
}
