/// An error with a one-line reason fit for the result page, besides its full description
/// (which says what an operator should do and belongs in the log).
public protocol SummarisedError: Error {
    /// A few words, e.g. `HTTP 500 after retry`.
    var summary: String { get }
}
