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
