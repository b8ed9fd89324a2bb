#if WebSocket
    import Foundation
    import WoveNetwork
    import WoveRuntime

    /// The checked `executor_config` of a `websocket` environment (SPEC §15.5):
    ///
    /// - `url`: the worker service's URL, `ws://` or `wss://`;
    /// - `security`: see `NetworkExecutorSecurity.init(configuration:environment:at:)`; the
    ///   handshake is signed, over an empty body;
    /// - `headers`: extra handshake headers, an object of strings;
    /// - `open_timeout`: seconds the connection may take to open (default 10);
    /// - `insecure`: allow `ws://` or no security to another machine, for development;
    /// - `ca_file`: a PEM file of the roots to trust for `wss://` instead of the system's;
    /// - `max_message_bytes`: the largest message either side may send (default 16 MiB).
    struct WebSocketExecutorSettings: Sendable {
        static let keys = [
            "url", "security", "headers", "open_timeout", "insecure", "ca_file", "max_message_bytes",
        ]
        /// How long opening the connection may take unless `open_timeout` says otherwise.
        static let defaultOpenTimeout = Duration.seconds(10)
        /// The largest message unless `max_message_bytes` says otherwise.
        static let defaultMaximumMessageSize = 16 << 20

        let url: URL
        let host: String
        let security: NetworkExecutorSecurity
        let headers: [(String, String)]
        let openTimeout: Duration
        let insecure: Bool
        /// Roots to trust instead of the system's, as PEM.
        let trustRootsPEM: [UInt8]?
        let maximumMessageSize: Int

        var usesTLS: Bool { url.scheme?.lowercased() == "wss" }

        init(
            url: URL, host: String, security: NetworkExecutorSecurity, headers: [(String, String)],
            openTimeout: Duration, insecure: Bool, trustRootsPEM: [UInt8]?, maximumMessageSize: Int
        ) {
            self.url = url
            self.host = host
            self.security = security
            self.headers = headers
            self.openTimeout = openTimeout
            self.insecure = insecure
            self.trustRootsPEM = trustRootsPEM
            self.maximumMessageSize = maximumMessageSize
        }

        /// Checks `config`; errors name the key under `path`.
        init(_ config: [String: JSONValue], at path: String) throws(WeaveError) {
            let reader = try NetworkConfigReader(config, name: "websocket", keys: Self.keys, at: path)
            let (url, host) = try reader.url(
                schemes: ["ws", "wss"], empty: "executor_config.url must be a non-empty ws:// or wss:// URL.",
                invalid: "executor_config.url must be a ws:// or wss:// URL.")
            let headers = try reader.headers()
            let openTimeout = try reader.duration("open_timeout") ?? Self.defaultOpenTimeout
            let insecure = try reader.insecure()
            let roots = try reader.trustRoots()
            var maximumMessageSize = Self.defaultMaximumMessageSize
            switch config["max_message_bytes"] {
            case nil, .null?: break
            case .integer(let bytes)? where bytes >= 1024: maximumMessageSize = bytes
            default:
                throw reader.reject(
                    "executor_config.max_message_bytes must be a whole number, at least 1024.")
            }
            self.init(
                url: url, host: host, security: try reader.security(), headers: headers,
                openTimeout: openTimeout,
                insecure: insecure, trustRootsPEM: roots, maximumMessageSize: maximumMessageSize)
        }
    }
#endif
