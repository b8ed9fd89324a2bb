import WoveDSL

/// What observing costs: the same mapped weaves with a `ProgressRenderer` drawing terminal frames
/// every 10 ms (into nothing), and with no observer.
enum ObservedWorkloads {
    static let sleepItems = 2_000

    private static let progress = ProgressRenderer(
        output: ProgressOutput(isTerminal: true, usesColor: true, width: 120) { _ in },
        refreshInterval: .milliseconds(10))

    /// 2,000 items sleeping 1 ms, 100 at a time: work a progress bar is for.
    @WeaveBuilder private static func sleeps() -> TaskList {
        Task("wait", over: 0..<sleepItems) { (item: Int) async throws -> Int in
            try await Task.sleep(for: .milliseconds(1))
            return item
        }
        .workers(100)
    }

    /// 10,000 no-op items: the worst case, where the events cost more than the work.
    @WeaveBuilder private static func noOps() -> TaskList {
        Task("sq", over: 0..<MapWorkloads.items) { (item: Int) async in item }
    }

    static func sleepsObserved() async throws {
        try verify(try await weave(options: .observer(progress)) { sleeps() }, "wait", sleepItems)
    }

    static func sleepsUnobserved() async throws {
        try verify(try await weave { sleeps() }, "wait", sleepItems)
    }

    static func noOpsObserved() async throws {
        try verify(try await weave(options: .observer(progress)) { noOps() }, "sq", MapWorkloads.items)
    }

    static func noOpsUnobserved() async throws {
        try verify(try await weave { noOps() }, "sq", MapWorkloads.items)
    }

    private static func verify(_ result: WoveResult, _ task: String, _ count: Int) throws {
        try check(try result.value(task, as: [Int].self).count == count)
    }
}
