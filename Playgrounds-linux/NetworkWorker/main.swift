// One program, two roles: worker services that run a task, and weaves that send that task to
// them. The same worker is served over HTTP (every request signed), WebSocket (one connection,
// its handshake signed) and gRPC (every call's metadata signed) at once, by whichever of the
// three traits are enabled.
//
// Run it with: swift run --traits HTTP,WebSocket,GRPC NetworkWorker
#if HTTP || WebSocket || GRPC
    import Foundation
    import Logging
    import ServiceLifecycle
    import WoveDSL
    #if HTTP
        import WoveHTTP
    #endif
    #if WebSocket
        import WoveWebSocket
    #endif
    #if GRPC
        import WoveGRPC
    #endif

    /// The task both sides declare: the services run it, the weaves send it there by name.
    struct Scoring: Weave {
        var tasks: some WeaveContent {
            Task("score", mapping: "user_ids") { (id: Int) in id * 10 }
        }
    }

    /// A way to reach a worker: its service, and the executor for the URL it listens at.
    struct Transport {
        let name: String
        let service: (WorkerServiceSettings) throws -> any Service
        let url: (Int) -> String
        let executor: (URL) -> ExecutorProvider
    }

    var logger = Logger(label: "network-worker-example")
    logger.logLevel = .warning
    let security = try NetworkExecutorSecurity(
        mode: .signed, secret: Array("example-secret-shared-by-both-sides".utf8), key: "example")
    let worker = WoveWorker { Scoring().tasks }

    var transports: [Transport] = []
    #if HTTP
        transports.append(
            Transport(
                name: "signed HTTP", service: { HTTPWorkerService(worker: worker, settings: $0) },
                url: { "http://127.0.0.1:\($0)/wove" }, executor: { .http(url: $0, security: security) }))
    #endif
    #if WebSocket
        transports.append(
            Transport(
                name: "a signed WebSocket", service: { WebSocketWorkerService(worker: worker, settings: $0) },
                url: { "ws://127.0.0.1:\($0)/ws" }, executor: { .webSocket(url: $0, security: security) }))
    #endif

    #if GRPC
        transports.append(
            Transport(
                name: "signed gRPC", service: { try GRPCWorkerService(worker: worker, settings: $0) },
                url: { "grpc://127.0.0.1:\($0)" },
                executor: { .grpc(target: "\($0.host ?? ""):\($0.port ?? 0)", security: security) }))
    #endif

    // One service per transport, all serving the same worker, in one service group.
    let ports = transports.map { _ in AsyncStream<Int>.makeStream() }
    let services = try zip(transports, ports).map { transport, port in
        try transport.service(
            WorkerServiceSettings(
                security: security, logger: logger, onServerRunning: { port.continuation.yield($0) }))
    }
    let group = ServiceGroup(configuration: .init(services: services, logger: logger))

    try await withThrowingTaskGroup(of: Void.self) { running in
        running.addTask { try await group.run() }
        for (transport, port) in zip(transports, ports) {
            var bound = port.stream.makeAsyncIterator()
            guard let port = await bound.next(), let url = URL(string: transport.url(port)) else { break }
            print("worker service listening on \(url.absoluteString)")
            // The weave: every item of `score` goes to the service, `report` runs here.
            try Wove.config(environments: ["workers": EnvironmentSettings(executor: transport.executor(url))])
            let result = try await weave(["user_ids": [1, 2, 3]]) {
                Task("score", mapping: "user_ids") { (id: Int) in id * 10 }.environment("workers")
                Task("report", after: "score") { (scores: [Int]) in "scores \(scores)" }
            }
            print("\(try result.final(as: String.self)), over \(transport.name)")
        }
        await group.triggerGracefulShutdown()
        try await running.waitForAll()
    }
#else
    print("This example needs a network trait: swift run --traits HTTP,WebSocket,GRPC NetworkWorker")
#endif
