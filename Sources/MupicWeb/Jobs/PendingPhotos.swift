import MupicVision
import Synchronization

/// Hands a freshly decoded upload to the worker that tags it, so the photo is not decoded
/// twice and the tagger sees the original's metadata (capture time, GPS latitude), which
/// the stored copy no longer carries.
///
/// Best effort and bounded: when the entry is gone (the bound was hit, or the job was
/// queued by a process that has since died), the worker re-reads the stored copy.
final class PendingPhotos: Sendable {
    private struct State {
        var photos: [String: DecodedPhoto] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func put(_ photo: DecodedPhoto, jobID: String) {
        state.withLock { state in
            state.photos[jobID] = photo
            state.order.append(jobID)
            while state.photos.count > capacity, !state.order.isEmpty {
                state.photos[state.order.removeFirst()] = nil
            }
            // Taken entries leave ids behind in `order`; compact once they dominate.
            if state.order.count > 2 * capacity { state.order.removeAll { state.photos[$0] == nil } }
        }
    }

    func take(jobID: String) -> DecodedPhoto? {
        state.withLock { $0.photos.removeValue(forKey: jobID) }
    }

    func remove(jobID: String) {
        _ = take(jobID: jobID)
    }
}
