#if HTTP || WebSocket || GRPC || Backends
    public import WoveRuntime
    public import Foundation

    /// Where a network executor sends its requests, and the checks Python wove makes before it
    /// starts (SPEC §15.2).
    public enum NetworkEndpoint {
        /// Whether `host` is this machine: `localhost`, `127.0.0.1` or `::1`, in any case, with
        /// IPv6 brackets stripped.
        public static func isLocal(host: String) -> Bool {
            let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return ["localhost", "127.0.0.1", "::1"].contains(bare)
        }

        /// The signed target of a URL: its path, `/` when empty, followed by `?` and its query when
        /// it has one.
        public static func target(of url: URL) -> String {
            let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            let path = components?.percentEncodedPath ?? url.path
            let query = components?.percentEncodedQuery.map { "?\($0)" } ?? ""
            return (path.isEmpty ? "/" : path) + query
        }

        /// Refuses, in this order, a plain-text transport to another machine and an unauthenticated
        /// one to another machine, unless `insecure` (for development).
        ///
        /// - Parameters:
        ///   - executor: The executor's name (`http`, `https`, `grpc`, `websocket`).
        ///   - environment: The environment's name, for the message.
        ///   - host: The host requests go to.
        ///   - usesTLS: Whether the transport is encrypted.
        ///   - security: The security requests carry.
        ///   - insecure: `executor_config.insecure`.
        /// - Throws: `WeaveError` with code `invalidConfiguration` naming the environment and the fix.
        public static func checkSecurity(
            executor: String, environment: String, host: String, usesTLS: Bool,
            security: NetworkExecutorSecurity, insecure: Bool
        ) throws(WeaveError) {
            guard !insecure, !isLocal(host: host) else { return }
            if !usesTLS {
                throw WeaveError(
                    .invalidConfiguration,
                    "Environment '\(environment)': \(executor) executor uses an insecure network transport. Use TLS "
                        + "or set executor_config.insecure=True for development.")
            }
            if security.mode == .none {
                throw WeaveError(
                    .invalidConfiguration,
                    "Environment '\(environment)': \(executor) executor requires executor_config.security for "
                        + "non-local endpoints. Use security='env:VARIABLE' or set executor_config.insecure=True "
                        + "for development.")
            }
        }
    }
#endif
