public import MupicCore

/// The YouTube match of each searched song, kept so a song is searched once (a search costs a
/// hundredth of the default daily quota), and how often songs were recommended, so
/// `mupic videos warm` resolves the popular ones first.
public protocol ListeningStorage: VideoMatchCache {
    /// Song id → number of stored recommendations that include it.
    func timesRecommended() async throws -> [Int64: Int]
}
