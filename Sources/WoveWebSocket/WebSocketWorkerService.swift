#if WebSocket
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdCore
    import HummingbirdTLS
    import HummingbirdWebSocket
    import NIOCore
    public import ServiceLifecycle
    public import WoveDSL
    public import WoveNetwork
    import WoveRuntime

    /// A ready-to-run WebSocket worker service: serves a `WoveWorker`'s tasks to `websocket`
    /// executors (Swift or Python) at one path, as a swift-service-lifecycle `Service`.
    ///
    /// ```swift
    /// let service = WebSocketWorkerService(
    ///     worker: WoveWorker { ReportTasks().tasks },
    ///     settings: WorkerServiceSettings(
    ///         port: 8081, security: try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8))))
    /// try await ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm], logger: logger).run()
    /// ```
    ///
    /// The handshake is verified before the upgrade: a refused one gets 401 (missing credentials)
    /// or 403 (wrong ones) with a JSON `{"error": …}` naming the reason, and no connection. Over an
    /// open connection every message is one command frame, each `run_task` runs concurrently with
    /// the others, and every event goes back as a message of its own as soon as it happens
    /// (heartbeats included, when the run's delivery asks for them). Messages above
    /// the settings' `maximumMessageSize` end the connection. When a client leaves, the runs it started are
    /// cancelled.
    ///
    /// On graceful shutdown the service stops accepting connections and closes the open ones,
    /// which cancels the runs they started (their executors fail them with a retryable
    /// `transport` error, so a retry may run them elsewhere); a run still going after
    /// the settings' `shutdownGracePeriod` is cancelled too.
    public struct WebSocketWorkerService: Service {
        /// How the service listens, authenticates and bounds its work.
        public let settings: WorkerServiceSettings
        private let worker: WoveWorker
        private let path: String

        /// A service for `worker`.
        ///
        /// - Parameters:
        ///   - worker: The tasks it serves.
        ///   - path: The path clients connect to (default `/ws`).
        ///   - settings: How it listens, authenticates and bounds its work (default: on an ephemeral
        ///     port of 127.0.0.1, without security).
        public init(
            worker: WoveWorker, path: String = "/ws",
            settings: WorkerServiceSettings = WorkerServiceSettings()
        ) {
            self.worker = worker
            self.path = path.hasPrefix("/") ? path : "/" + path
            self.settings = settings
        }

        /// Serves until graceful shutdown or cancellation.
        public func run() async throws {
            let settings = self.settings
            let core = WorkerServiceCore(
                worker: worker, maximumConcurrentRuns: settings.maximumConcurrentRuns)
            let session = WebSocketSession(
                core: core, maximumMessageSize: settings.maximumMessageSize, logger: settings.logger)
            let gate = HandshakeGate(security: settings.security, logger: settings.logger)
            let upgrades = Router(context: BasicWebSocketRequestContext.self)
            upgrades.ws(
                RouterPath(path),
                shouldUpgrade: { request, _ in gate.refusal(of: request) == nil ? .upgrade([:]) : .dontUpgrade
                }
            ) { inbound, outbound, _ in
                await session.serve(inbound, outbound)
            }
            // A handshake refused above reaches this router, which says why.
            let refusals = Router()
            refusals.get(RouterPath(path)) { request, _ in gate.response(refusing: request) }
            let webSocket = HTTPServerBuilder.http1WebSocketUpgrade(
                webSocketRouter: upgrades,
                configuration: .init(
                    ws: WebSocketServerConfiguration(maxFrameSize: settings.maximumMessageSize)))
            let server =
                try settings.tls.map { try .tls(webSocket, tlsConfiguration: $0.serverConfiguration()) }
                ?? webSocket
            let application = Application(
                router: refusals, server: server,
                configuration: ApplicationConfiguration(
                    address: .hostname(settings.host, port: settings.port), serverName: "wove"),
                onServerRunning: { channel in
                    await settings.serverRunning(on: channel.localAddress?.port ?? 0, transport: "WebSocket")
                },
                logger: settings.logger)
            // `run()`, not `runService()`: signals belong to the service group this service runs
            // in, which passes its graceful shutdown on to the application's.
            try await core.serve(with: settings) { try await application.run() }
        }
    }
#endif
