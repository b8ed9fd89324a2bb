#if GRPC
    import GRPCNIOTransportHTTP2
    import WoveNetwork

    /// A gRPC `target` as Python wove reads it (SPEC §15.4): `host:port`, `dns:///host:port`,
    /// `dns:`, `ipv4:` and `ipv6:` prefixes, `unix:` and `unix-abstract:` sockets.
    struct GRPCTarget: Sendable {
        /// The host the target names, for the local-target rule; a Unix socket is local.
        let host: String
        let isUnixSocket: Bool
        let resolvable: any ResolvableTarget & Sendable

        /// Whether the target is this machine: a Unix socket, or a local host.
        var isLocal: Bool { isUnixSocket || NetworkEndpoint.isLocal(host: host) }

        /// The target `text` names, or `nil` if it names no host (or no port).
        init?(_ text: String, secure: Bool) {
            if text.hasPrefix("unix:") || text.hasPrefix("unix-abstract:") {
                let path = String(text.drop { $0 != ":" }.dropFirst())
                guard !path.isEmpty else { return nil }
                host = "localhost"
                isUnixSocket = true
                resolvable = .unixDomainSocket(path: text.hasPrefix("unix-abstract:") ? "\0" + path : path)
                return
            }
            var rest = Substring(text)
            if rest.hasPrefix("dns://") {
                // dns://authority/host:port: the host is in the path.
                rest = rest.dropFirst("dns://".count)
                rest = rest.firstIndex(of: "/").map { rest[rest.index(after: $0)...] } ?? rest
            } else {
                for prefix in ["dns:", "ipv4:", "ipv6:"] where rest.hasPrefix(prefix) {
                    rest = rest.dropFirst(prefix.count)
                    break
                }
            }
            if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
            if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
            var host = rest
            var port: Int?
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                host = rest[rest.index(after: rest.startIndex)..<close]
                let after = rest[rest.index(after: close)...]
                if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
                host = rest[..<colon]
                port = Int(rest[rest.index(after: colon)...])
            }
            guard !host.isEmpty else { return nil }
            let resolvedPort = port ?? (secure ? 443 : 80)
            self.host = String(host)
            isUnixSocket = false
            if host.contains(":") {
                resolvable = .ipv6(address: String(host), port: resolvedPort)
            } else if host.split(separator: ".").count == 4, host.allSatisfy({ $0.isNumber || $0 == "." }) {
                resolvable = .ipv4(address: String(host), port: resolvedPort)
            } else {
                resolvable = .dns(host: String(host), port: resolvedPort)
            }
        }
    }
#endif
