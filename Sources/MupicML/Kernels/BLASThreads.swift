import COpenBLAS

/// How many threads OpenBLAS uses for each matrix product, process-wide.
public enum BLASThreads {
    /// A server gets its parallelism from serving many requests at once, so it wants 1: idle
    /// OpenBLAS helper threads spin on the cores the photo decoding needs. Benchmarks set more.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }
}
