#if GRPC
    import Foundation
    import GRPCCore
    import GRPCNIOTransportHTTP2
    import ServiceLifecycle
    import WoveDSL
    import WoveGRPC

    /// The gRPC round trip per remote task, next to a bare grpc-swift unary call of the same payload
    /// to a bare server in the same process: one mapped task of 1,000 items, one call each,
    /// sequentially and with 64 in flight, over one HTTP/2 connection.
    enum GRPCWorkloads: NetworkRows {
        static let name = "grpc"
        static let bareName = "bare grpc-swift unary call"
        static let items = 1_000
        static let method = MethodDescriptor(fullyQualifiedService: "wove.bench.Bare", method: "Send")

        @WeaveBuilder static var tasks: TaskList {
            Task("remote_tiny", over: 0..<items) { (item: Int) async in item + 1 }
        }

        /// The bare server: answers every call with the events a worker service sends.
        struct BareService: RegistrableRPCService {
            func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
                router.registerHandler(forMethod: method, deserializer: Bytes(), serializer: Bytes()) {
                    request, _ in
                    _ = try await ServerRequest(stream: request)
                    return StreamingServerResponse(single: ServerResponse(message: NetworkWorkloads.answer))
                }
            }
        }

        /// The identity serializer.
        struct Bytes: MessageSerializer, MessageDeserializer {
            func serialize<B: GRPCContiguousBytes>(_ message: [UInt8]) throws -> B { B(message) }
            func deserialize<B: GRPCContiguousBytes>(_ bytes: B) throws -> [UInt8] {
                bytes.withUnsafeBytes { Array($0) }
            }
        }

        /// Runs `body` with a Wove worker service and a bare server listening; `body` gets their ports.
        static func withServers(_ body: (_ wove: Int, _ bare: Int) async throws -> Void) async throws {
            let wovePort = OneShotPort()
            let service = try GRPCWorkerService(
                worker: WoveWorker { tasks },
                settings: WorkerServiceSettings(
                    logger: NetworkWorkloads.quiet, onServerRunning: { wovePort.set($0) }))
            let transport = HTTP2ServerTransport.Posix(
                address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext)
            let bare = GRPCServer(transport: transport, services: [BareService()])
            let group = ServiceGroup(
                configuration: .init(services: [service], logger: NetworkWorkloads.quiet))
            try await withThrowingTaskGroup(of: Void.self) { running in
                running.addTask { try await group.run() }
                running.addTask { try await bare.serve() }
                let barePort = try await transport.listeningAddress.ipv4?.port ?? 0
                try await body(try await wovePort.value, barePort)
                bare.beginGracefulShutdown()
                await group.triggerGracefulShutdown()
                try await running.waitForAll()
            }
        }

        static func wove(at port: Int, inFlight: Int) -> () async throws -> Void {
            {
                let configuration = WoveConfiguration(environments: [
                    "service": EnvironmentSettings(executor: .grpc(target: "127.0.0.1:\(port)"))
                ])
                let result = try await Wove.withConfiguration(configuration) {
                    try await weave {
                        Task("remote_tiny", over: 0..<items) { (item: Int) async in item + 1 }
                            .environment("service").workers(inFlight)
                    }
                }
                try check(result.final(as: [Int].self) == Array(1...items))
            }
        }

        /// One client, `inFlight` calls outstanding.
        static func bare(at port: Int, inFlight: Int) -> () async throws -> Void {
            {
                let client = GRPCClient(
                    transport: try HTTP2ClientTransport.Posix(
                        target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext))
                try await withThrowingTaskGroup(of: Void.self) { running in
                    running.addTask { try await client.runConnections() }
                    try await withThrowingTaskGroup(of: Void.self) { calls in
                        var next = 0
                        func launch() {
                            calls.addTask {
                                _ = try await client.unary(
                                    request: ClientRequest(message: NetworkWorkloads.payload),
                                    descriptor: method,
                                    serializer: Bytes(), deserializer: Bytes(), options: .defaults
                                ) { response in try response.message }
                            }
                            next += 1
                        }
                        while next < min(inFlight, items) { launch() }
                        while try await calls.next() != nil { if next < items { launch() } }
                    }
                    client.beginGracefulShutdown()
                    try await running.waitForAll()
                }
            }
        }
    }
#endif
