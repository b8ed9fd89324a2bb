#if HTTP
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdCore
    import HummingbirdTLS
    public import Logging
    import NIOCore
    public import NIOSSL
    public import ServiceLifecycle
    public import WoveDSL
    public import WoveNetwork
    import WoveRuntime

    /// A ready-to-run HTTP worker service: serves a `WoveWorker`'s tasks to `http`/`https`
    /// executors (Swift or Python) at one path, as a swift-service-lifecycle `Service`.
    ///
    /// ```swift
    /// let service = HTTPWorkerService(
    ///     worker: WoveWorker { ReportTasks().tasks },
    ///     security: try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8)),
    ///     port: 8080)
    /// try await ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm], logger: logger).run()
    /// ```
    ///
    /// Each request is checked before anything else: its size (over ``maximumRequestSize`` is 413),
    /// then its signature or token (missing credentials are 401, wrong ones 403, with a JSON
    /// `{"error": …}` naming the reason, and nothing runs), then its frame (400 if it is not one).
    /// A `run_task` runs its task and answers with its events, streamed as newline-delimited JSON
    /// when the client accepts `application/x-ndjson` (so heartbeats arrive while it runs), else as
    /// `{"events": […]}` once it ends; at most ``maximumConcurrentRuns`` run at once (more are 503).
    /// A `cancel_task` cancels its run, even one whose `run_task` has not arrived yet.
    ///
    /// On graceful shutdown the service stops accepting requests, lets runs finish for
    /// ``shutdownGracePeriod``, then cancels those still running.
    public struct HTTPWorkerService: Service {
        /// The largest request accepted.
        public let maximumRequestSize: Int
        /// How many runs may be under way at once.
        public let maximumConcurrentRuns: Int
        /// How long runs may take to finish once shutdown has begun.
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
        ///   - path: The path requests are POSTed to (default `/wove`).
        ///   - host: The address to listen on (default `127.0.0.1`).
        ///   - port: The port to listen on; 0 picks a free one, reported to `onServerRunning`.
        ///   - security: How requests must be authenticated (default: not at all).
        ///   - tlsConfiguration: Serves HTTPS with it (see ``tls(certificateChainPEM:privateKeyPEM:)``).
        ///   - maximumRequestSize: The largest request accepted (default 16 MiB).
        ///   - maximumConcurrentRuns: How many runs may be under way at once (default 256).
        ///   - shutdownGracePeriod: How long runs may take to finish once shutdown has begun (default 10 s).
        ///   - logger: Where requests, refusals and shutdown are logged.
        ///   - onServerRunning: Called with the bound port once the service listens.
        public init(
            worker: WoveWorker,
            path: String = "/wove",
            host: String = "127.0.0.1",
            port: Int = 0,
            security: NetworkExecutorSecurity = .none(),
            tlsConfiguration: TLSConfiguration? = nil,
            maximumRequestSize: Int = 16 << 20,
            maximumConcurrentRuns: Int = 256,
            shutdownGracePeriod: Duration = .seconds(10),
            logger: Logger = Logger(label: "wove.http-worker"),
            onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
        ) {
            self.worker = worker
            self.path = path.hasPrefix("/") ? path : "/" + path
            self.host = host
            self.port = port
            self.security = security
            self.tlsConfiguration = tlsConfiguration
            self.maximumRequestSize = maximumRequestSize
            self.maximumConcurrentRuns = max(1, maximumConcurrentRuns)
            self.shutdownGracePeriod = shutdownGracePeriod
            self.logger = logger
            self.onServerRunning = onServerRunning
        }

        /// A server TLS configuration from a PEM certificate chain and private key: see
        /// `ServerTLS.configuration(certificateChainPEM:privateKeyPEM:)`.
        public static func tls(certificateChainPEM: [UInt8], privateKeyPEM: [UInt8]) throws
            -> TLSConfiguration
        {
            try ServerTLS.configuration(
                certificateChainPEM: certificateChainPEM, privateKeyPEM: privateKeyPEM)
        }

        /// Serves until graceful shutdown or cancellation.
        public func run() async throws {
            let handler = HTTPRequestHandler(
                core: WorkerServiceCore(worker: worker, maximumConcurrentRuns: maximumConcurrentRuns),
                security: security, maximumRequestSize: maximumRequestSize, logger: logger)
            let router = Router()
            router.post(RouterPath(path)) { request, _ in await handler.respond(to: request) }
            let server: HTTPServerBuilder =
                try tlsConfiguration.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1()
            let onServerRunning = self.onServerRunning
            let logger = self.logger
            let application = Application(
                router: router, server: server,
                configuration: ApplicationConfiguration(
                    address: .hostname(host, port: port), serverName: "wove"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    logger.info("Wove HTTP worker service listening", metadata: ["port": "\(port)"])
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
                    handler.core.runs.cancelAll()
                }
                try await group.next()
                group.cancelAll()
            }
        }

        /// The `error` field of a JSON refusal, if `body` is one.
        static func errorMessage(in body: String) -> String? {
            guard
                case .object(let fields)? = try? JSONValue(parsing: Array(body.utf8)),
                case .string(let message)? = fields["error"]
            else { return nil }
            return message
        }
    }
#endif
