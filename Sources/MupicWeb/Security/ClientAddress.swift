import Foundation
import Hummingbird
import NIOCore

/// Who a request counts against for rate limits: the peer's address, or with `trustProxy` the
/// address the proxy in front appended last to `X-Forwarded-For` (earlier entries are the
/// client's own claims and could be anything).
///
/// IPv6 clients are grouped by their /64, the block one subscriber usually gets, so rotating
/// addresses within it does not escape the limit.
enum ClientAddress {
    static func key(_ request: Request, peer: SocketAddress?, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return group(last)
        }
        guard let peer else { return "local" }
        switch peer {
        case .v4, .v6: return group(peer.ipAddress ?? "unknown")
        case .unixDomainSocket: return "local"
        }
    }

    static func group(_ address: String) -> String {
        guard address.contains(":") else { return address }
        if address.hasPrefix("::ffff:"), address.contains(".") { return String(address.dropFirst(7)) }
        // Expand "::" just enough to take the first four groups of the 128-bit address.
        let halves = address.split(separator: "::", maxSplits: 1, omittingEmptySubsequences: false)
        let head = halves[0].split(separator: ":").map(String.init)
        let tailCount = halves.count > 1 ? halves[1].split(separator: ":").count : 0
        let groups = head + Array(repeating: "0", count: max(0, 8 - head.count - tailCount))
        return groups.prefix(4).joined(separator: ":") + "::/64"
    }
}
