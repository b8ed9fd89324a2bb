#if GRPC
    import GRPCCore
    import GRPCNIOTransportHTTP2
    import WoveNetwork
    import WoveRuntime

    /// The `grpc` executor: each `run_task` and `cancel_task` is one unary call of the worker
    /// service's method, the frame's JSON bytes in and the events' out (identity serializers, no
    /// generated code), with the configured metadata and then the signed security metadata,
    /// lower-cased (SPEC §15.4). Many calls share one HTTP/2 connection.
    ///
    /// A call that fails, or that ends without its run's outcome, fails that run with a `transport`
    /// error: retryable, except a refusal (`unauthenticated`, `permissionDenied`). ``stop()``
    /// cancels the calls in flight and closes the client.
    final class GRPCExecutor: InboxBackedExecutor {
        let inbox = FrameInbox()
        private let preset: GRPCExecutorSettings?
        private let state = LockedValue<Connection?>(nil)
        /// The `run_task` calls under way.
        private let calls = TaskTable()

        /// What every call of a started executor shares.
        private struct Connection: Sendable {
            let client: GRPCClient<HTTP2ClientTransport.Posix>
            let running: Task<Void, Never>
            let settings: GRPCExecutorSettings
            let method: MethodDescriptor
        }

        /// An executor whose settings come from `preset`, or else from `executor_config`.
        init(preset: GRPCExecutorSettings?) { self.preset = preset }

        func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
            async throws
        {
            let settings =
                try preset
                ?? GRPCExecutorSettings(
                    environmentConfig, at: "environments.\(environmentName).executor_config")
            try NetworkEndpoint.checkSecurity(
                executor: "grpc", environment: environmentName,
                host: settings.target.isLocal ? "localhost" : settings.target.host, usesTLS: settings.usesTLS,
                security: settings.security, insecure: settings.insecure)
            guard let method = MethodDescriptor(path: settings.method) else {
                throw GRPCExecutorError("\(settings.method) is not a gRPC method path.")
            }
            let security: HTTP2ClientTransport.Posix.TransportSecurity
            if settings.usesTLS {
                security = .tls(
                    .defaults { tls in
                        if let roots = settings.trustRootsPEM {
                            tls.trustRoots = .certificates([.bytes(roots, format: .pem)])
                        }
                    })
            } else {
                security = .plaintext
            }
            let client = GRPCClient(
                transport: try HTTP2ClientTransport.Posix(
                    target: settings.target.resolvable, transportSecurity: security))
            let running = Task { _ = try? await client.runConnections() }
            state.withLock {
                $0 = Connection(client: client, running: running, settings: settings, method: method)
            }
        }

        func send(_ frame: WoveFrame) async throws {
            switch frame {
            case .runTask:
                let connection = try started()
                calls.start { [self] in await call(frame, over: connection) }
            case .cancelTask: await call(frame, over: try started())
            case .shutdown: calls.cancelAll()
            default: throw GRPCExecutorError("Unsupported frame type: \(frame.type)")
            }
        }

        func recv() async throws -> WoveFrame {
            _ = try started()
            return try await inbox.next()
        }

        private func started() throws(GRPCExecutorError) -> Connection {
            guard let connection = state.withLock({ $0 }) else {
                throw GRPCExecutorError("grpc executor is not started.")
            }
            return connection
        }

        /// Cancels the calls in flight, closes the client, and ends ``recv()``.
        func stop() async throws {
            let connection = state.withLock { state in
                defer { state = nil }
                return state
            }
            calls.cancelAll()
            await calls.waitForAll()
            connection?.client.beginGracefulShutdown()
            await connection?.running.value
            inbox.fail(GRPCExecutorError("grpc executor is stopped."))
        }

        // MARK: - One call

        private func call(_ frame: WoveFrame, over connection: Connection) async {
            let settings = connection.settings
            var outcome = RequestOutcome(of: frame, service: "gRPC worker service")
            do {
                let body = try frame.serialized()
                var metadata = Metadata()
                for (name, value) in settings.metadata {
                    metadata.addString(value, forKey: name.lowercased())
                }
                for (name, value) in settings.security.headers(
                    transport: .grpc, target: settings.method, body: body)
                {
                    metadata.addString(value, forKey: name.lowercased())
                }
                var options = CallOptions.defaults
                options.timeout = settings.timeout
                let answer = try await connection.client.unary(
                    request: ClientRequest(message: body, metadata: metadata), descriptor: connection.method,
                    serializer: RawBytes(), deserializer: RawBytes(), options: options
                ) { response in try response.message }
                for event in try NetworkEvents.decode(answer) { outcome.deliver(event, to: inbox) }
            } catch let error as RPCError {
                outcome.refused(
                    "gRPC worker service answered \(error.code): \(error.message)",
                    retryable: ![.unauthenticated, .permissionDenied, .invalidArgument].contains(error.code))
            } catch {
                outcome.failed(error)
            }
            outcome.finish(into: inbox, endpoint: "\(settings.targetText)\(settings.method)")
        }
    }

    /// A misuse of the gRPC executor, or a call it could not make.
    struct GRPCExecutorError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
