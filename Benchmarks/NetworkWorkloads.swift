#if HTTP || WebSocket || GRPC
    import Logging

    /// What the network rows share.
    enum NetworkWorkloads {
        /// The body the bare client sends: a `run_task` frame as the executor sends it.
        static let payload = Array(
            #"{"args":{"item":7},"delivery":{"delivery_cancel_mode":"best_effort","delivery_orphan_policy":"cancel"},"run_id":"remote_tiny:0123456789abcdef0123456789abcdef","task_id":"remote_tiny","type":"run_task"}"#
                .utf8)
        /// The answer a bare server gives: the events a worker service sends for it.
        static let answer = Array(
            #"{"events":[{"run_id":"remote_tiny:0","task_id":"remote_tiny","type":"task_started"},{"result":8,"run_id":"remote_tiny:0","task_id":"remote_tiny","type":"task_result"}]}"#
                .utf8)
        /// Errors only: the servers of a benchmark have nothing to say.
        static let quiet: Logger = {
            var logger = Logger(label: "wove.benchmarks")
            logger.logLevel = .error
            return logger
        }()
    }

    /// A network transport's rows: Wove and the bare transport against servers started side by side.
    protocol NetworkRows {
        /// The `WOVE_BENCH_PROFILE` names of the rows: whether bare, and how many in flight.
        static var profiles: [String: (bare: Bool, inFlight: Int)] { get }
        /// Runs `body` with a Wove worker service and a bare server listening; `body` gets their URLs.
        static func withServers(_ body: (_ wove: String, _ bare: String) async throws -> Void) async throws
        /// One round of Wove's row against `url`.
        static func wove(url: String, inFlight: Int) -> () async throws -> Void
        /// One round of the bare transport's row against `url`.
        static func bare(url: String, inFlight: Int) -> () async throws -> Void
    }

    extension NetworkWorkloads {
        /// Runs the row of `Rows` that `workload` names `rounds` times, for a profiler; `false` if
        /// it names none.
        static func profile<Rows: NetworkRows>(_ rows: Rows.Type, _ workload: String, rounds: Int)
            async throws
            -> Bool
        {
            guard let (bare, inFlight) = Rows.profiles[workload] else { return false }
            try await Rows.withServers { wove, bareURL in
                let round =
                    bare
                    ? Rows.bare(url: bareURL, inFlight: inFlight) : Rows.wove(url: wove, inFlight: inFlight)
                for _ in 0..<rounds { try await round() }
            }
            return true
        }
    }

    /// A port reported once by a server starting up.
    final class OneShotPort: Sendable {
        private let port = AsyncStream<Int>.makeStream()
        func set(_ value: Int) { port.continuation.yield(value) }
        var value: Int {
            get async throws {
                for await value in port.stream { return value }
                throw CancellationError()
            }
        }
    }
#endif
