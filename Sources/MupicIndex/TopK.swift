/// Selecting the best few of many scores without sorting them all.
enum TopK {
    /// Indices of the `count` highest scores, highest first; ties keep the lower index first.
    static func indices(of scores: [Float], count: Int) -> [Int] {
        let count = min(count, scores.count)
        guard count > 0 else { return [] }
        // A min-heap of the best `count` seen so far; its root is the weakest kept score.
        var heap: [Int] = []
        heap.reserveCapacity(count)
        func weaker(_ a: Int, _ b: Int) -> Bool {
            scores[a] < scores[b] || (scores[a] == scores[b] && a > b)
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { return }
                var child = left
                if left + 1 < heap.count, weaker(heap[left + 1], heap[left]) { child = left + 1 }
                guard weaker(heap[child], heap[parent]) else { return }
                heap.swapAt(child, parent)
                parent = child
            }
        }
        for index in scores.indices {
            if heap.count < count {
                heap.append(index)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard weaker(heap[child], heap[parent]) else { break }
                    heap.swapAt(child, parent)
                    child = parent
                }
            } else if weaker(heap[0], index) {
                heap[0] = index
                siftDown(0)
            }
        }
        return heap.sorted { weaker($1, $0) }
    }
}
