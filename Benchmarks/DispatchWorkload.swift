import WoveDSL

/// The cost of remote dispatch itself: 1,000 tiny mapped items, one at a time, sent to an
/// in-process executor that answers each `run_task` at once, next to the same map run locally one
/// at a time. What is left is Wove's side of every transport: frames, the run table, the
/// environment channel and the hops between them.
enum DispatchWorkload {
    static let items = 1_000

    /// Answers every `run_task` for `{"item": n}` with `n + 1`, in the caller's task.
    final class EchoExecutor: InboxBackedExecutor {
        let inbox = FrameInbox()

        func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
            async throws
        {}

        func send(_ frame: WoveFrame) async throws {
            guard case .runTask(let runID, let taskID, _, let args, _, _) = frame,
                case .integer(let item)? = args["item"]
            else { return }
            inbox.push(.taskResult(runID: runID, taskID: taskID, result: .integer(item + 1)))
        }

        func stop() async throws { inbox.fail(CancellationError()) }
    }

    static func wove() async throws {
        let configuration = WoveConfiguration(environments: [
            "echo": EnvironmentSettings(executor: .custom { EchoExecutor() })
        ])
        let result = try await Wove.withConfiguration(configuration) {
            try await weave {
                Task("tiny", over: 0..<items) { (item: Int) in item + 1 }.environment("echo").workers(1)
            }
        }
        try check(result.final(as: [Int].self) == Array(1...items))
    }

    static func local() async throws {
        let result = try await weave {
            Task("tiny", over: 0..<items) { (item: Int) async in item + 1 }.workers(1)
        }
        try check(result.final(as: [Int].self) == Array(1...items))
    }
}
