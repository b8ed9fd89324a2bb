#if HTTP || WebSocket || GRPC || Backends
    public import Logging

    /// How a worker service listens, authenticates and bounds its work, whatever its transport
    /// (`HTTPWorkerService`, `WebSocketWorkerService`).
    public struct WorkerServiceSettings: Sendable {
        /// The address to listen on.
        public var host: String
        /// The port to listen on; 0 picks a free one, reported to ``onServerRunning``.
        public var port: Int
        /// How requests (HTTP) or handshakes (WebSocket) must be authenticated.
        public var security: NetworkExecutorSecurity
        /// Serves TLS, presenting this identity.
        public var tls: ServerTLSIdentity?
        /// The largest request (HTTP) or message (WebSocket) accepted, at least 1 KiB.
        public var maximumMessageSize: Int
        /// How many runs may be under way at once, at least 1.
        public var maximumConcurrentRuns: Int
        /// How long after graceful shutdown has begun runs still going are cancelled.
        public var shutdownGracePeriod: Duration
        /// Where requests, refusals and shutdown are logged.
        public var logger: Logger
        /// Called with the bound port once the service listens.
        public var onServerRunning: @Sendable (Int) async -> Void

        /// Settings with the given values.
        ///
        /// - Parameters:
        ///   - host: The address to listen on (default `127.0.0.1`).
        ///   - port: The port to listen on; 0 (the default) picks a free one, reported to `onServerRunning`.
        ///   - security: How requests or handshakes must be authenticated (default: not at all).
        ///   - tls: Serves TLS, presenting this identity (default: plain text).
        ///   - maximumMessageSize: The largest request or message accepted (default 16 MiB).
        ///   - maximumConcurrentRuns: How many runs may be under way at once (default 256).
        ///   - shutdownGracePeriod: How long after graceful shutdown has begun runs still going are
        ///     cancelled (default 10 s).
        ///   - logger: Where requests, refusals and shutdown are logged.
        ///   - onServerRunning: Called with the bound port once the service listens.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            security: NetworkExecutorSecurity = .none(),
            tls: ServerTLSIdentity? = nil,
            maximumMessageSize: Int = 16 << 20,
            maximumConcurrentRuns: Int = 256,
            shutdownGracePeriod: Duration = .seconds(10),
            logger: Logger = Logger(label: "wove.worker-service"),
            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
        ) {
            self.host = host
            self.port = port
            self.security = security
            self.tls = tls
            self.maximumMessageSize = max(1024, maximumMessageSize)
            self.maximumConcurrentRuns = max(1, maximumConcurrentRuns)
            self.shutdownGracePeriod = shutdownGracePeriod
            self.logger = logger
            self.onServerRunning = onServerRunning
        }
    }
#endif
