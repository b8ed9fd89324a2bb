#if HTTP || WebSocket || GRPC
    import Foundation
    import Logging
    import ServiceLifecycle
    import Testing
    import WoveDSL
    import WoveNetwork
    import WoveRuntime

    #if HTTP
        import WoveHTTP
    #endif
    #if WebSocket
        import WoveWebSocket
    #endif
    #if GRPC
        import WoveGRPC
    #endif

    /// A network transport under test: how to start its worker service, and the executor that
    /// reaches it.
    struct Transport: Sendable, CustomStringConvertible {
        let description: String
        /// The URL scheme, plain and with TLS.
        let schemes: (plain: String, secure: String)
        let path: String
        let makeService: @Sendable (WoveWorker, WorkerServiceSettings) throws -> any Service
        let executor: @Sendable (URL, NetworkExecutorSecurity) -> ExecutorProvider
        /// Whether events reach the caller while a run goes on (heartbeats among them). A unary
        /// gRPC call answers once, when the run has ended.
        var streamsEvents = true

        /// Every transport built in.
        static var all: [Transport] {
            var all: [Transport] = []
            #if HTTP
                all.append(http)
            #endif
            #if WebSocket
                all.append(webSocket)
            #endif
            #if GRPC
                all.append(grpc)
            #endif
            return all
        }

        #if HTTP
            static let http = Transport(
                description: "HTTP", schemes: ("http", "https"), path: "/wove",
                makeService: { HTTPWorkerService(worker: $0, settings: $1) },
                executor: { .http(url: $0, security: $1) })
        #endif
        #if GRPC
            /// gRPC has no URL: the harness's `grpc://host:port` URL gives the executor its target.
            static let grpc = Transport(
                description: "gRPC", schemes: ("grpc", "grpcs"), path: "",
                makeService: { try GRPCWorkerService(worker: $0, settings: $1) },
                executor: { .grpc(target: "\($0.host ?? ""):\($0.port ?? 0)", security: $1) },
                streamsEvents: false)
        #endif
        #if WebSocket
            static let webSocket = Transport(
                description: "WebSocket", schemes: ("ws", "wss"), path: "/ws",
                makeService: { WebSocketWorkerService(worker: $0, settings: $1) },
                executor: { .webSocket(url: $0, security: $1) })
        #endif
    }

    /// Runs `body` with `transport`'s worker service serving `tasks` on 127.0.0.1 (an ephemeral
    /// port; `localhost` in the URL with TLS, which the test certificate names), and stops the
    /// service gracefully afterwards.
    func withService<T: Sendable>(
        _ transport: Transport,
        _ tasks: RemoteTasks,
        security: NetworkExecutorSecurity = .none(),
        tls: ServerTLSIdentity? = nil,
        maximumMessageSize: Int = 16 << 20,
        _ body: @Sendable (_ url: URL, _ stop: @escaping @Sendable () async -> Void) async throws -> T
    ) async throws -> T {
        let port = OneShotResult<Int>()
        let service = try transport.makeService(
            WoveWorker { tasks.tasks },
            WorkerServiceSettings(
                security: security, tls: tls, maximumMessageSize: maximumMessageSize,
                shutdownGracePeriod: .seconds(1), logger: Logger(label: "wove.test.worker-service"),
                onServerRunning: { port.resolve(.success($0)) }))
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [service], logger: Logger(label: "wove.test")))
        return try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            let bound = try await port.value
            let address =
                tls == nil
                ? "\(transport.schemes.plain)://127.0.0.1" : "\(transport.schemes.secure)://localhost"
            let url = try #require(URL(string: "\(address):\(bound)\(transport.path)"))
            do {
                let result = try await body(url) { await group.triggerGracefulShutdown() }
                await group.triggerGracefulShutdown()
                try await running.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                running.cancelAll()
                throw error
            }
        }
    }
#endif
