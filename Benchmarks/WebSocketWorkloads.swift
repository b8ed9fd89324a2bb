#if WebSocket
    import Foundation
    import Hummingbird
    import HummingbirdWebSocket
    import Logging
    import NIOCore
    import ServiceLifecycle
    import WSClient
    import WoveDSL
    import WoveWebSocket

    /// The WebSocket round trip per remote task, next to a bare WSClient → hummingbird-websocket
    /// round trip of the same payload over one connection, in the same process: one mapped task of
    /// 1,000 items, one message each way per item, sequentially and with 64 in flight.
    enum WebSocketWorkloads: NetworkRows {
        static let name = "websocket"
        static let bareName = "bare WSClient → hummingbird-websocket"
        static let items = 1_000

        @WeaveBuilder static var tasks: TaskList {
            Task("remote_tiny", over: 0..<items) { (item: Int) async in item + 1 }
        }

        /// What the bare client sends: a `run_task` frame as the executor sends it.
        static let payload = String(decoding: NetworkWorkloads.payload, as: UTF8.self)
        /// What the bare server answers: the events a worker service sends for it, one message each.
        static let answers = [
            #"{"run_id":"remote_tiny:0","task_id":"remote_tiny","type":"task_started"}"#,
            #"{"result":8,"run_id":"remote_tiny:0","task_id":"remote_tiny","type":"task_result"}"#,
        ]

        /// Runs `body` with a Wove worker service and a bare server listening; `body` gets their URLs.
        static func withServers(_ body: (_ wove: String, _ bare: String) async throws -> Void) async throws {
            let wovePort = OneShotPort()
            let barePort = OneShotPort()
            let service = WebSocketWorkerService(
                worker: WoveWorker { tasks },
                settings: WorkerServiceSettings(
                    logger: NetworkWorkloads.quiet, onServerRunning: { wovePort.set($0) }))
            let router = Router(context: BasicWebSocketRequestContext.self)
            router.ws("bare") { inbound, outbound, _ in
                for try await _ in inbound.messages(maxSize: 1 << 20) {
                    for answer in answers { try await outbound.write(.text(answer)) }
                }
            }
            let bare = Application(
                router: Router(), server: .http1WebSocketUpgrade(webSocketRouter: router),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { barePort.set($0.localAddress?.port ?? 0) }, logger: NetworkWorkloads.quiet)
            let group = ServiceGroup(
                configuration: .init(services: [service, bare], logger: NetworkWorkloads.quiet))
            try await withThrowingTaskGroup(of: Void.self) { running in
                running.addTask { try await group.run() }
                let woveURL = "ws://127.0.0.1:\(try await wovePort.value)/ws"
                let bareURL = "ws://127.0.0.1:\(try await barePort.value)/bare"
                try await body(woveURL, bareURL)
                await group.triggerGracefulShutdown()
                try await running.waitForAll()
            }
        }

        static func wove(at url: String, inFlight: Int) -> () async throws -> Void {
            {
                let configuration = WoveConfiguration(environments: [
                    "service": EnvironmentSettings(
                        executor: .webSocket(url: URL(string: url) ?? URL(fileURLWithPath: "/")))
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

        /// One connection; `inFlight` messages outstanding, the next sent as each answer completes.
        static func bare(at url: String, inFlight: Int) -> () async throws -> Void {
            {
                try await WebSocketClient.connect(url: url, logger: NetworkWorkloads.quiet) {
                    inbound, outbound, _ in
                    var sent = 0
                    while sent < min(inFlight, items) {
                        try await outbound.write(.text(payload))
                        sent += 1
                    }
                    var received = 0
                    for try await _ in inbound.messages(maxSize: 1 << 20) {
                        received += 1
                        guard received % answers.count == 0 else { continue }
                        if received == items * answers.count { break }
                        if sent < items {
                            try await outbound.write(.text(payload))
                            sent += 1
                        }
                    }
                    try check(received == items * answers.count)
                }
            }
        }
    }
#endif
