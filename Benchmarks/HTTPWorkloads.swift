#if HTTP
    import AsyncHTTPClient
    import Foundation
    import Hummingbird
    import Logging
    import NIOCore
    import ServiceLifecycle
    import WoveDSL
    import WoveHTTP

    /// The HTTP round trip per remote task, next to a bare AsyncHTTPClient → Hummingbird round trip
    /// of the same payload in the same process: one mapped task of 1,000 items, one request each,
    /// sequentially and with 64 in flight. The task body is async, so the service computes on the
    /// cooperative pool as the bare server does; a sync body adds the hop to a blocking thread that
    /// the `map_noop_sync_10k` row measures.
    enum HTTPWorkloads: NetworkRows {
        static let name = "http"
        static let bareName = "bare AsyncHTTPClient → Hummingbird"
        static let items = 1_000

        @WeaveBuilder static var tasks: TaskList {
            Task("remote_tiny", over: 0..<items) { (item: Int) async in item + 1 }
        }

        /// Runs `body` with a Wove worker service and a bare server listening; `body` gets their URLs.
        static func withServers(_ body: (_ wove: String, _ bare: String) async throws -> Void) async throws {
            let wovePort = OneShotPort()
            let barePort = OneShotPort()
            let service = HTTPWorkerService(
                worker: WoveWorker { tasks },
                settings: WorkerServiceSettings(
                    logger: NetworkWorkloads.quiet, onServerRunning: { wovePort.set($0) }))
            let router = Router()
            router.post("bare") { request, _ -> Response in
                _ = try await request.body.collect(upTo: 1 << 20)
                return Response(
                    status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: NetworkWorkloads.answer)))
            }
            let bare = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { barePort.set($0.localAddress?.port ?? 0) }, logger: NetworkWorkloads.quiet)
            let group = ServiceGroup(
                configuration: .init(services: [service, bare], logger: NetworkWorkloads.quiet))
            try await withThrowingTaskGroup(of: Void.self) { running in
                running.addTask { try await group.run() }
                let woveURL = "http://127.0.0.1:\(try await wovePort.value)/wove"
                let bareURL = "http://127.0.0.1:\(try await barePort.value)/bare"
                try await body(woveURL, bareURL)
                await group.triggerGracefulShutdown()
                try await running.waitForAll()
            }
        }

        static func wove(at url: String, inFlight: Int) -> () async throws -> Void {
            {
                let configuration = WoveConfiguration(environments: [
                    "service": EnvironmentSettings(
                        executor: .http(url: URL(string: url) ?? URL(fileURLWithPath: "/")))
                ])
                let result = try await Wove.withConfiguration(configuration) {
                    try await weave {
                        Task("remote_tiny", over: 0..<items) { (item: Int) async in item + 1 }.environment(
                            "service"
                        )
                        .workers(inFlight)
                    }
                }
                try check(result.final(as: [Int].self) == Array(1...items))
            }
        }

        static func bare(at url: String, inFlight: Int) -> () async throws -> Void {
            {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    var next = 0
                    func launch() {
                        group.addTask {
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(bytes: NetworkWorkloads.payload))
                            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 1 << 20)
                        }
                        next += 1
                    }
                    while next < min(inFlight, items) { launch() }
                    while try await group.next() != nil { if next < items { launch() } }
                }
            }
        }

    }

#endif
