import Testing
import WoveDSL

@testable import WoveRuntime

/// Weaves of one shape whose tasks set no option reuse the runnables of the one before; any
/// input a runnable depends on that differs (the configuration, an option, the body's kind, a
/// remote environment) resolves them afresh, and every weave runs its own bodies.
///
/// Each helper declares its task on one fixed line of a file of its own, so that every call has
/// the same shape whichever way its body is written.
@Suite("Runnable memo")
struct RunnableMemoTests {
    /// Task `a` after `x`, adding `offset`: synchronous or `async`, with `retries` if given.
    private func task(offset: Int = 1, sync: Bool = false, retries: Int? = nil, file: StaticString)
        -> TaskList
    {
        let node =
            sync
            ? Task("a", after: "x", fileID: file, line: 1) { (x: Int) in x + offset }
            : Task("a", after: "x", fileID: file, line: 1) { (x: Int) async in x + offset }
        return (retries.map { node.retries($0) } ?? node).taskList
    }

    private func prepare(_ tasks: TaskList) throws -> PreparedWeave {
        try PreparedWeave.prepare(tasks.definitions, data: ["x": 1], settings: WeaveSettings())
    }

    private func runnable(_ prepared: PreparedWeave) throws -> Runnable {
        let graph = prepared.graph
        return try #require(graph.indexByName["a"].flatMap { graph.runnable(at: $0) })
    }

    @Test("a weave of the same shape reuses the runnables, and runs its own body")
    func reuses() async throws {
        let first = try prepare(task(offset: 1, file: "Memo/Reuse.swift"))
        let second = try prepare(task(offset: 100, file: "Memo/Reuse.swift"))
        #expect(try runnable(first) === runnable(second))
        #expect(try await second.run()["a"] as? Int == 101)
        #expect(try await first.run()["a"] as? Int == 2)
    }

    @Test("another configuration resolves the runnables again, with its settings")
    func configurationChanges() async throws {
        let file: StaticString = "Memo/Configuration.swift"
        let plain = try prepare(task(file: file))
        let sturdy = try await Wove.withConfiguration(WoveConfiguration(retries: 3)) {
            try prepare(task(file: file))
        }
        #expect(try runnable(sturdy) !== runnable(plain))
        #expect(try runnable(sturdy).policy.retries == 3)
        #expect(try !runnable(sturdy).runsPlainAsync)
        // The weave back under the first configuration gets its own settings, not the kept ones.
        let again = try prepare(task(file: file))
        #expect(try runnable(again).policy.retries == 0)
        #expect(try runnable(again).runsPlainAsync)
    }

    @Test("a task that sets an option gets a runnable of its own, and keeps none")
    func optionSet() async throws {
        let file: StaticString = "Memo/Option.swift"
        let plain = try prepare(task(file: file))
        let retried = try prepare(task(retries: 2, file: file))
        #expect(try runnable(retried) !== runnable(plain))
        #expect(try runnable(retried).policy.retries == 2)
        #expect(try !runnable(retried).runsPlainAsync)
        let again = try prepare(task(file: file))
        #expect(try runnable(again) === runnable(plain))
        #expect(try runnable(again).policy.retries == 0)
    }

    @Test("a body of another kind on the same line gets a runnable of its kind")
    func bodyKindChanges() async throws {
        let file: StaticString = "Memo/Kind.swift"
        let asynchronous = try prepare(task(sync: false, file: file))
        let synchronous = try prepare(task(offset: 5, sync: true, file: file))
        #expect(asynchronous.graph.shape === synchronous.graph.shape)
        #expect(try runnable(synchronous) !== runnable(asynchronous))
        #expect(try runnable(synchronous).runsOnPool)
        #expect(try !runnable(synchronous).runsPlainAsync)
        #expect(try await synchronous.run()["a"] as? Int == 6)
        let back = try prepare(task(offset: 7, sync: false, file: file))
        #expect(try runnable(back).runsPlainAsync)
        #expect(try await back.run()["a"] as? Int == 8)
    }

    @Test("a weave whose environment runs tasks in another process resolves its routes every time")
    func remoteEnvironment() async throws {
        let file: StaticString = "Memo/Remote.swift"
        let configuration = WoveConfiguration(
            defaultEnvironment: "remote",
            environments: [
                "remote": EnvironmentSettings(executor: .custom { LoopbackExecutor(worker: WoveWorker {}) })
            ])
        let (first, second) = try await Wove.withConfiguration(configuration) {
            (try prepare(task(file: file)), try prepare(task(file: file)))
        }
        #expect(try runnable(first).remote != nil)
        #expect(try runnable(first) !== runnable(second))
        // A local weave of the same shape afterwards is not handed a remote runnable.
        let local = try prepare(task(file: file))
        #expect(try runnable(local).remote == nil)
    }
}
