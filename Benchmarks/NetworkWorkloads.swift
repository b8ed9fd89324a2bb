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
        /// Where a server listens: a URL or a port.
        associatedtype Address: Sendable
        /// The rows' names start with it: `http`, `websocket`, `grpc`.
        static var name: String { get }
        /// What the bare rows measure.
        static var bareName: String { get }
        /// How many remote tasks one round runs.
        static var items: Int { get }
        /// Runs `body` with a Wove worker service and a bare server listening; `body` gets their addresses.
        static func withServers(_ body: (_ wove: Address, _ bare: Address) async throws -> Void) async throws
        /// One round of Wove's row against the service at `address`.
        static func wove(at address: Address, inFlight: Int) -> () async throws -> Void
        /// One round of the bare transport's row against the server at `address`.
        static func bare(at address: Address, inFlight: Int) -> () async throws -> Void
    }

    extension NetworkWorkloads {
        /// Compares `Rows`' Wove rows with their bare rows, one request in flight and 64.
        static func compare<Rows: NetworkRows>(_ rows: Rows.Type) async throws {
            try await Rows.withServers { wove, bare in
                for inFlight in [1, 64] {
                    try await Harness.compare(
                        "\(Rows.name)_map_1000_tiny, \(inFlight) in flight", unit: "item", units: Rows.items,
                        repetitions: 10, wove: Rows.wove(at: wove, inFlight: inFlight),
                        baseline: (Rows.bareName, Rows.bare(at: bare, inFlight: inFlight)))
                }
            }
        }

        /// Runs the row `workload` names `rounds` times, for a profiler: `NAME` and `NAME-bare`
        /// with 64 in flight, `NAME-1` and `NAME-bare-1` with one, `NAME` being `Rows.name`;
        /// `false` if it names none of `Rows`' rows.
        static func profile<Rows: NetworkRows>(_ rows: Rows.Type, _ workload: String, rounds: Int)
            async throws
            -> Bool
        {
            let rows = [
                Rows.name: (false, 64), "\(Rows.name)-bare": (true, 64), "\(Rows.name)-1": (false, 1),
                "\(Rows.name)-bare-1": (true, 1),
            ]
            guard let (bare, inFlight) = rows[workload] else { return false }
            try await Rows.withServers { wove, bareAddress in
                let round =
                    bare
                    ? Rows.bare(at: bareAddress, inFlight: inFlight) : Rows.wove(at: wove, inFlight: inFlight)
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
