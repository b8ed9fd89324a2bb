#if GRPC
    import GRPCCore
    import GRPCNIOTransportHTTP2
    public import ServiceLifecycle
    public import WoveDSL
    public import WoveNetwork
    import WoveRuntime

    /// A ready-to-run gRPC worker service: serves a `WoveWorker`'s tasks to `grpc` executors
    /// (Swift or Python) through one generic unary method, as a swift-service-lifecycle `Service`.
    ///
    /// ```swift
    /// let service = try GRPCWorkerService(
    ///     worker: WoveWorker { ReportTasks().tasks },
    ///     settings: WorkerServiceSettings(
    ///         port: 9000, security: try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8))))
    /// try await ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm], logger: logger).run()
    /// ```
    ///
    /// Each call's security metadata is verified before its frame is read: missing credentials are
    /// `unauthenticated`, wrong ones `permissionDenied`, with the reason, and nothing runs. A
    /// message above the settings' `maximumMessageSize` is refused by the transport. A `run_task`
    /// answers with its events once the run ends; at most the settings' `maximumConcurrentRuns`
    /// run at once (more are `resourceExhausted`); a `cancel_task` cancels its run, even one whose
    /// `run_task` has not arrived yet. On graceful shutdown the server stops taking calls and lets
    /// those under way finish for the settings' `shutdownGracePeriod`, then cancels the runs left.
    public struct GRPCWorkerService: Service {
        /// The method Python wove's `grpc` executor calls.
        public static let defaultMethod = "/wove.network_executor.WorkerService/Send"

        /// How the service listens, authenticates and bounds its work.
        public let settings: WorkerServiceSettings
        private let worker: WoveWorker
        private let path: String
        private let method: MethodDescriptor

        /// A service for `worker`.
        ///
        /// - Parameters:
        ///   - worker: The tasks it serves.
        ///   - method: The unary method's path (default ``defaultMethod``).
        ///   - settings: How it listens, authenticates and bounds its work (default: on an ephemeral
        ///     port of 127.0.0.1, without security).
        /// - Throws: ``GRPCWorkerServiceError`` if `method` is not a `/service/method` path.
        public init(
            worker: WoveWorker, method: String = defaultMethod,
            settings: WorkerServiceSettings = WorkerServiceSettings()
        ) throws {
            guard let descriptor = MethodDescriptor(path: method) else {
                throw GRPCWorkerServiceError(
                    description: "'\(method)' is not a gRPC method path (/service/method).")
            }
            self.worker = worker
            self.path = method
            self.method = descriptor
            self.settings = settings
        }

        /// Serves until graceful shutdown or cancellation.
        public func run() async throws {
            let settings = self.settings
            let core = WorkerServiceCore(
                worker: worker, maximumConcurrentRuns: settings.maximumConcurrentRuns)
            let service = WoveRPCService(
                method: method, path: path, core: core, security: settings.security, logger: settings.logger)
            let security: HTTP2ServerTransport.Posix.TransportSecurity =
                settings.tls.map { identity in
                    .tls(
                        certificateChain: [.bytes(identity.certificateChainPEM, format: .pem)],
                        privateKey: .bytes(identity.privateKeyPEM, format: .pem))
                } ?? .plaintext
            let transport = HTTP2ServerTransport.Posix(
                address: .ipv4(host: settings.host, port: settings.port), transportSecurity: security,
                config: .defaults { $0.rpc.maxRequestPayloadSize = settings.maximumMessageSize })
            let server = GRPCServer(transport: transport, services: [service])
            try await core.serve(with: settings) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await server.serve() }
                    group.addTask {
                        let address = try await transport.listeningAddress
                        await settings.serverRunning(
                            on: address.ipv4?.port ?? address.ipv6?.port ?? 0, transport: "gRPC")
                    }
                    try await withTaskCancellationHandler {
                        try await gracefulShutdown()
                    } onCancel: {
                        server.beginGracefulShutdown()
                    }
                    server.beginGracefulShutdown()
                    try await group.waitForAll()
                }
            }
        }
    }

    /// A gRPC worker service that cannot be made as asked.
    public struct GRPCWorkerServiceError: Error, CustomStringConvertible {
        /// What is wrong.
        public let description: String
    }
#endif
