import MupicVision
import Synchronization

/// Hands a freshly decoded upload to the worker that tags it, so the photo is not decoded
/// twice and the tagger sees the original's metadata (capture time, GPS latitude), which
/// the stored copy no longer carries.
///
/// Each entry keeps only what the tagger reads (`TaggerInput`): for the offline taggers the
/// analysis (colours, metadata, model inputs: about 200 KB), so a queue as deep as the job cap
/// fits in memory; for a vision model the stored copy as well.
///
/// Best effort and bounded by bytes: when an entry is gone (the bound was hit, or the job was
/// queued by a process that has since died), the worker re-reads the stored copy.
final class PendingPhotos: Sendable {
    private struct State {
        var entries: [String: TaggerPhoto] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = max(1, capacityBytes)
    }

    func put(_ photo: TaggerPhoto, jobID: String) {
        state.withLock { state in
            state.entries[jobID] = photo
            state.bytes += photo.approximateBytes
            state.order.append(jobID)
            while state.bytes > capacityBytes, !state.order.isEmpty {
                if let evicted = state.entries.removeValue(forKey: state.order.removeFirst()) {
                    state.bytes -= evicted.approximateBytes
                }
            }
            // Taken entries leave ids behind in `order`; compact once they dominate.
            if state.order.count > 2 * max(16, state.entries.count) { state.order.removeAll { state.entries[$0] == nil } }
        }
    }

    func take(jobID: String) -> TaggerPhoto? {
        state.withLock { state in
            let photo = state.entries.removeValue(forKey: jobID)
            if let photo { state.bytes -= photo.approximateBytes }
            return photo
        }
    }

    func remove(jobID: String) {
        _ = take(jobID: jobID)
    }

    var count: Int { state.withLock { $0.entries.count } }
}
