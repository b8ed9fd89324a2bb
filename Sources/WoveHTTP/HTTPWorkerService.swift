#if HTTP
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdCore
    import HummingbirdTLS
    import NIOCore
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
    ///     settings: WorkerServiceSettings(
    ///         port: 8080, security: try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8))))
    /// try await ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm], logger: logger).run()
    /// ```
    ///
    /// Each request is checked before anything else: its size (over the settings' `maximumMessageSize` is 413),
    /// then its signature or token (missing credentials are 401, wrong ones 403, with a JSON
    /// `{"error": …}` naming the reason, and nothing runs), then its frame (400 if it is not one).
    /// A `run_task` runs its task and answers with its events, streamed as newline-delimited JSON
    /// when the client accepts `application/x-ndjson` (so heartbeats arrive while it runs), else as
    /// `{"events": […]}` once it ends; at most the settings' `maximumConcurrentRuns` run at once (more are 503).
    /// A `cancel_task` cancels its run, even one whose `run_task` has not arrived yet.
    ///
    /// On graceful shutdown the service stops accepting requests, lets runs finish for the
    /// settings' `shutdownGracePeriod`, then cancels those still running.
    public struct HTTPWorkerService: Service {
        /// How the service listens, authenticates and bounds its work.
        public let settings: WorkerServiceSettings
        /// The media type of a run's events streamed one JSON document per line.
        static let streamedType: StaticString = "application/x-ndjson"
        /// The names a client or service may give ``streamedType``.
        static let streamedTypes: [StaticString] = [streamedType, "application/ndjson"]
        private let worker: WoveWorker
        private let path: String

        /// A service for `worker`.
        ///
        /// - Parameters:
        ///   - worker: The tasks it serves.
        ///   - path: The path requests are POSTed to (default `/wove`).
        ///   - settings: How it listens, authenticates and bounds its work (default: on an ephemeral
        ///     port of 127.0.0.1, without security).
        public init(
            worker: WoveWorker, path: String = "/wove",
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
            let handler = HTTPRequestHandler(
                core: core, security: settings.security, maximumRequestSize: settings.maximumMessageSize,
                logger: settings.logger)
            let router = Router()
            router.post(RouterPath(path)) { request, _ in await handler.respond(to: request) }
            let server: HTTPServerBuilder =
                try settings.tls.map { try .tls(.http1(), tlsConfiguration: $0.serverConfiguration()) }
                ?? .http1()
            let application = Application(
                router: router, server: server,
                configuration: ApplicationConfiguration(
                    address: .hostname(settings.host, port: settings.port), serverName: "wove"),
                onServerRunning: { channel in
                    await settings.serverRunning(on: channel.localAddress?.port ?? 0, transport: "HTTP")
                },
                logger: settings.logger)
            // `run()`, not `runService()`: signals belong to the service group this service runs
            // in, which passes its graceful shutdown on to the application's.
            try await core.serve(with: settings) { try await application.run() }
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
