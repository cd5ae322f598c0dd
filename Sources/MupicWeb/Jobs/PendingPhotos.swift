import MupicVision
import Synchronization

/// Hands a freshly decoded upload to the worker that tags it, so the photo is not decoded
/// twice and the tagger sees the original's metadata (capture time, GPS latitude), which
/// the stored copy no longer carries.
///
/// Offline taggers read only the analysis (colours, metadata, model inputs: about 200 KB), so
/// that is all that is kept for them, and a queue as deep as the job cap fits in memory; a
/// vision-model tagger sends the stored copy and gets the whole decoded photo.
///
/// Best effort and bounded by bytes: when an entry is gone (the bound was hit, or the job was
/// queued by a process that has since died), the worker re-reads the stored copy.
final class PendingPhotos: Sendable {
    enum Entry: Sendable {
        case analysis(PhotoAnalysis)
        case decoded(DecodedPhoto)

        var analysis: PhotoAnalysis {
            switch self {
            case .analysis(let analysis): analysis
            case .decoded(let photo): photo.analysis
            }
        }

        /// Roughly what the entry holds in memory.
        var bytes: Int {
            switch self {
            case .analysis(let analysis): analysis.approximateBytes
            case .decoded(let photo): photo.analysis.approximateBytes + photo.storedJPEG.count + photo.thumbnailJPEG.count
            }
        }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var bytes = 0
    }

    private let state = Mutex(State())
    let capacityBytes: Int

    init(capacityBytes: Int) {
        self.capacityBytes = max(1, capacityBytes)
    }

    func put(_ entry: Entry, jobID: String) {
        state.withLock { state in
            state.entries[jobID] = entry
            state.bytes += entry.bytes
            state.order.append(jobID)
            while state.bytes > capacityBytes, !state.order.isEmpty {
                if let evicted = state.entries.removeValue(forKey: state.order.removeFirst()) {
                    state.bytes -= evicted.bytes
                }
            }
            // Taken entries leave ids behind in `order`; compact once they dominate.
            if state.order.count > 2 * max(16, state.entries.count) { state.order.removeAll { state.entries[$0] == nil } }
        }
    }

    func take(jobID: String) -> Entry? {
        state.withLock { state in
            let entry = state.entries.removeValue(forKey: jobID)
            if let entry { state.bytes -= entry.bytes }
            return entry
        }
    }

    func remove(jobID: String) {
        _ = take(jobID: jobID)
    }

    var count: Int { state.withLock { $0.entries.count } }
}

extension PhotoAnalysis {
    var approximateBytes: Int { modelInputs.scene.count + modelInputs.weather.count + modelInputs.screening.count + 1024 }
}
