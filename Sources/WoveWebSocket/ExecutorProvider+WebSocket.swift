#if WebSocket
    public import Foundation
    public import WoveNetwork
    public import WoveRuntime

    extension ExecutorProvider {
        /// Tasks run in a WebSocket worker service (``WebSocketWorkerService``, or any service
        /// speaking wove's protocol), over one connection per weave run.
        ///
        /// - Parameters:
        ///   - url: The service's URL, `ws://` or `wss://`.
        ///   - security: How the handshake is authenticated (default: none, allowed only to this
        ///     machine or with `insecure`).
        ///   - headers: Extra handshake headers.
        ///   - openTimeout: How long opening the connection may take (default 10 s).
        ///   - insecure: Allow `ws://` or no security to another machine, for development.
        ///   - trustRootsPEM: For `wss://`, the roots to trust instead of the system's (a PEM file's bytes).
        public static func webSocket(
            url: URL, security: NetworkExecutorSecurity = .none(), headers: [String: String] = [:],
            openTimeout: Duration = .seconds(10), insecure: Bool = false, trustRootsPEM: [UInt8]? = nil
        ) -> ExecutorProvider {
            let configuration: [String: JSONValue] = [
                "url": .string(url.absoluteString), "insecure": .bool(insecure),
                "headers": .object(headers.mapValues(JSONValue.string)),
                "security": .string(security.mode.rawValue), "open_timeout": .number(openTimeout.seconds),
            ]
            let settings = WebSocketExecutorSettings(
                url: url, host: url.host ?? "", security: security,
                headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                openTimeout: openTimeout,
                insecure: insecure, trustRootsPEM: trustRootsPEM,
                maximumMessageSize: WebSocketExecutorSettings.defaultMaximumMessageSize)
            return ExecutorProvider(
                name: "websocket", configuration: configuration,
                check: { configuration, path in
                    var checked = configuration
                    checked["security"] = nil
                    _ = try WebSocketExecutorSettings(checked, at: path)
                },
                makeExecutor: { WebSocketExecutor(preset: settings) })
        }

        /// Lets `wove_config.json` use the executor name `websocket`. Call it once, before loading a
        /// configuration that names it.
        public static func registerWebSocketExecutors() {
            register("websocket") { configuration, path in
                _ = try WebSocketExecutorSettings(configuration, at: "\(path).executor_config")
                return ExecutorProvider(
                    name: "websocket", configuration: configuration,
                    check: { configuration, path in _ = try WebSocketExecutorSettings(configuration, at: path)
                    },
                    makeExecutor: { WebSocketExecutor(preset: nil) })
            }
        }
    }
#endif
