// One program, two roles: an HTTP worker service that runs a task, and a weave that sends that
// task to it over HTTP, every request signed with a shared secret.
//
// Run it with: swift run --traits HTTP HTTPWorker
#if HTTP
    import Foundation
    import Logging
    import ServiceLifecycle
    import WoveDSL
    import WoveHTTP

    /// The task both sides declare: the service runs it, the weave sends it there by name.
    struct Scoring: Weave {
        var tasks: some WeaveContent {
            Task("score", after: "user_id") { (id: Int) in id * 10 }
        }
    }

    var logger = Logger(label: "http-worker-example")
    logger.logLevel = .warning
    let secret = Array("example-secret-shared-by-both-sides".utf8)

    // The service: verifies each request's signature before it runs anything.
    let port = AsyncStream<Int>.makeStream()
    let service = HTTPWorkerService(
        worker: WoveWorker { Scoring().tasks },
        settings: WorkerServiceSettings(
            security: try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "example"),
            logger: logger, onServerRunning: { port.continuation.yield($0) }))
    let services = ServiceGroup(configuration: .init(services: [service], logger: logger))

    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var iterator = port.stream.makeAsyncIterator()
        guard let bound = await iterator.next(), let url = URL(string: "http://127.0.0.1:\(bound)/wove")
        else { return }
        print("worker service listening on \(url.absoluteString)")

        // The weave: `score` goes to the service, the rest runs here.
        try Wove.config(environments: [
            "workers": EnvironmentSettings(
                executor: .http(
                    url: url,
                    security: try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "example")))
        ])
        let result = try await weave(["user_id": 7]) {
            Task("score", after: "user_id") { (id: Int) in id * 10 }.environment("workers")
            Task("report", after: "score") { (score: Int) in "user 7 scored \(score), over signed HTTP" }
        }
        print(try result.final(as: String.self))

        await services.triggerGracefulShutdown()
        try await group.waitForAll()
    }
#else
    print("This example needs the HTTP trait: swift run --traits HTTP HTTPWorker")
#endif
