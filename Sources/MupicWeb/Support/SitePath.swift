/// A request's path made safe to put back into a link or a redirect of our own.
///
/// A browser reads `//evil.example/x` and `/\evil.example` as addresses on another host, and it
/// drops tabs and line breaks from a URL before reading it, so `/<tab>/evil` is the same trap.
/// Echoing `request.uri.path` as it came (a 404 page's language switch) would make us link there.
enum SitePath {
    private static let droppedByBrowsers: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    static func normalized(_ path: String) -> String {
        let visible = path.unicodeScalars.filter { !droppedByBrowsers.contains($0) }
        let rest = visible.drop { $0 == "/" || $0 == "\\" }
        return "/" + String(String.UnicodeScalarView(rest))
    }
}
