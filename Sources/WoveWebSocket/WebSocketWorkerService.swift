#if WebSocket
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdCore
    import HummingbirdTLS
    import HummingbirdWebSocket
    public import Logging
    import NIOCore
    public import NIOSSL
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
    ///     security: try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8)),
    ///     port: 8081)
    /// try await ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm], logger: logger).run()
    /// ```
    ///
    /// The handshake is verified before the upgrade: a refused one gets 401 (missing credentials)
    /// or 403 (wrong ones) with a JSON `{"error": …}` naming the reason, and no connection. Over an
    /// open connection every message is one command frame, each `run_task` runs concurrently with
    /// the others, and every event goes back as a message of its own as soon as it happens
    /// (heartbeats included, when the run's delivery asks for them). Messages above
    /// ``maximumMessageSize`` end the connection. When a client leaves, the runs it started are
    /// cancelled.
    ///
    /// On graceful shutdown the service stops accepting connections and closes the open ones,
    /// which cancels the runs they started (their executors fail them with a retryable
    /// `transport` error, so a retry may run them elsewhere); a run still going after
    /// ``shutdownGracePeriod`` is cancelled too.
    public struct WebSocketWorkerService: Service {
        /// The largest message accepted.
        public let maximumMessageSize: Int
        /// How many runs may be under way at once, over all connections.
        public let maximumConcurrentRuns: Int
        /// How long after shutdown has begun any run still going is cancelled.
        public let shutdownGracePeriod: Duration
        private let worker: WoveWorker
        private let path: String
        private let host: String
        private let port: Int
        private let security: NetworkExecutorSecurity
        private let tlsConfiguration: TLSConfiguration?
        private let logger: Logger
        private let onServerRunning: @Sendable (Int) async -> Void

        /// A service for `worker`.
        ///
        /// - Parameters:
        ///   - worker: The tasks it serves.
        ///   - path: The path clients connect to (default `/ws`).
        ///   - host: The address to listen on (default `127.0.0.1`).
        ///   - port: The port to listen on; 0 picks a free one, reported to `onServerRunning`.
        ///   - security: How handshakes must be authenticated (default: not at all).
        ///   - tlsConfiguration: Serves `wss://` with it (see `ServerTLS.configuration(certificateChainPEM:privateKeyPEM:)`).
        ///   - maximumMessageSize: The largest message accepted (default 16 MiB).
        ///   - maximumConcurrentRuns: How many runs may be under way at once (default 256).
        ///   - shutdownGracePeriod: How long after shutdown has begun any run still going is cancelled (default 10 s).
        ///   - logger: Where connections, refusals and shutdown are logged.
        ///   - onServerRunning: Called with the bound port once the service listens.
        public init(
            worker: WoveWorker,
            path: String = "/ws",
            host: String = "127.0.0.1",
            port: Int = 0,
            security: NetworkExecutorSecurity = .none(),
            tlsConfiguration: TLSConfiguration? = nil,
            maximumMessageSize: Int = 16 << 20,
            maximumConcurrentRuns: Int = 256,
            shutdownGracePeriod: Duration = .seconds(10),
            logger: Logger = Logger(label: "wove.websocket-worker"),
            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
        ) {
            self.worker = worker
            self.path = path.hasPrefix("/") ? path : "/" + path
            self.host = host
            self.port = port
            self.security = security
            self.tlsConfiguration = tlsConfiguration
            self.maximumMessageSize = max(1024, maximumMessageSize)
            self.maximumConcurrentRuns = max(1, maximumConcurrentRuns)
            self.shutdownGracePeriod = shutdownGracePeriod
            self.logger = logger
            self.onServerRunning = onServerRunning
        }

        /// Serves until graceful shutdown or cancellation.
        public func run() async throws {
            let core = WorkerServiceCore(worker: worker, maximumConcurrentRuns: maximumConcurrentRuns)
            let session = WebSocketSession(core: core, maximumMessageSize: maximumMessageSize, logger: logger)
            let gate = HandshakeGate(security: security, logger: logger)
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
                configuration: .init(ws: WebSocketServerConfiguration(maxFrameSize: maximumMessageSize)))
            let server = try tlsConfiguration.map { try .tls(webSocket, tlsConfiguration: $0) } ?? webSocket
            let onServerRunning = self.onServerRunning
            let logger = self.logger
            let application = Application(
                router: refusals, server: server,
                configuration: ApplicationConfiguration(
                    address: .hostname(host, port: port), serverName: "wove"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    logger.info("Wove WebSocket worker service listening", metadata: ["port": "\(port)"])
                    await onServerRunning(port)
                },
                logger: logger)
            let grace = shutdownGracePeriod
            try await withThrowingTaskGroup(of: Void.self) { group in
                // `run()`, not `runService()`: signals belong to the service group this service
                // runs in, which passes its graceful shutdown on to the application's.
                group.addTask { try await application.run() }
                group.addTask {
                    // Once shutdown begins, runs get the grace period; then those left are cancelled.
                    try await gracefulShutdown()
                    try await Task.sleep(for: grace)
                    logger.notice("Cancelling runs still under way after the shutdown grace period")
                    core.runs.cancelAll()
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
#endif
