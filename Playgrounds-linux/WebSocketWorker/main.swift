// One program, two roles: a WebSocket worker service that runs a task, and a weave that sends
// that task to it over one WebSocket connection, the handshake signed with a shared secret.
//
// Run it with: swift run --traits WebSocket WebSocketWorker
#if WebSocket
    import Foundation
    import Logging
    import ServiceLifecycle
    import WoveDSL
    import WoveWebSocket

    /// The task both sides declare: the service runs it, the weave sends it there by name.
    struct Scoring: Weave {
        var tasks: some WeaveContent {
            Task("score", mapping: "user_ids") { (id: Int) in id * 10 }
        }
    }

    var logger = Logger(label: "websocket-worker-example")
    logger.logLevel = .warning
    let secret = Array("example-secret-shared-by-both-sides".utf8)

    // The service: verifies the handshake's signature before it upgrades the connection.
    let port = AsyncStream<Int>.makeStream()
    let service = WebSocketWorkerService(
        worker: WoveWorker { Scoring().tasks },
        settings: WorkerServiceSettings(
            security: try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "example"),
            logger: logger, onServerRunning: { port.continuation.yield($0) }))
    let services = ServiceGroup(configuration: .init(services: [service], logger: logger))

    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var iterator = port.stream.makeAsyncIterator()
        guard let bound = await iterator.next(), let url = URL(string: "ws://127.0.0.1:\(bound)/ws")
        else { return }
        print("worker service listening on \(url.absoluteString)")

        // The weave: every item of `score` goes to the service over the one connection.
        try Wove.config(environments: [
            "workers": EnvironmentSettings(
                executor: .webSocket(
                    url: url,
                    security: try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "example")))
        ])
        let result = try await weave(["user_ids": [1, 2, 3]]) {
            Task("score", mapping: "user_ids") { (id: Int) in id * 10 }.environment("workers")
            Task("report", after: "score") { (scores: [Int]) in "scores \(scores), over a signed WebSocket" }
        }
        print(try result.final(as: String.self))

        await services.triggerGracefulShutdown()
        try await group.waitForAll()
    }
#else
    print("This example needs the WebSocket trait: swift run --traits WebSocket WebSocketWorker")
#endif
