import Testing
import WoveDSL

@testable import WoveRuntime

/// Weaves of one shape whose tasks set no option reuse the runnables of the one before; any
/// input a runnable depends on that differs (the configuration, a setting of the weave's own, an
/// option, the body's kind, a remote environment) resolves them afresh, and every weave runs its
/// own bodies.
///
/// Each helper declares its task on one fixed line of a file of its own, so that every call has
/// the same shape whichever way its body is written. Each test runs in a configuration scope of
/// its own: weaves that set no option share the defaults of the snapshot in force, which another
/// test calling `Wove.config` would otherwise replace between two weaves.
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

    private func prepare(_ tasks: TaskList, _ settings: WeaveSettings = WeaveSettings()) throws
        -> PreparedWeave
    {
        try PreparedWeave.prepare(tasks.definitions, data: ["x": 1], settings: settings)
    }

    private func runnable(_ prepared: PreparedWeave, _ name: String = "a") throws -> Runnable {
        let graph = prepared.graph
        return try #require(graph.indexByName[name].flatMap { graph.runnable(at: $0) })
    }

    /// Prepares `tasks` twice, requiring one shape for both: the cache keeps it between them.
    private func prepareTwice(_ tasks: () -> TaskList) throws -> (PreparedWeave, PreparedWeave) {
        let (first, second) = (try prepare(tasks()), try prepare(tasks()))
        try #require(first.graph.shape === second.graph.shape)
        return (first, second)
    }

    @Test("a weave of the same shape reuses the runnables, and runs its own body")
    func reuses() async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let file: StaticString = "Memo/Reuse.swift"
            let first = try prepare(task(offset: 1, file: file))
            let second = try prepare(task(offset: 100, file: file))
            try #require(first.graph.shape === second.graph.shape)
            #expect(try runnable(first) === runnable(second))
            #expect(try await second.run()["a"] as? Int == 101)
            #expect(try await first.run()["a"] as? Int == 2)
        }
    }

    @Test("another configuration resolves the runnables again, with its settings")
    func configurationChanges() async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let file: StaticString = "Memo/Configuration.swift"
            let (plain, _) = try prepareTwice { task(file: file) }
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
    }

    @Test("a task that sets an option gets a runnable of its own, and keeps none")
    func optionSet() async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let file: StaticString = "Memo/Option.swift"
            let (plain, _) = try prepareTwice { task(file: file) }
            let retried = try prepare(task(retries: 2, file: file))
            #expect(try runnable(retried) !== runnable(plain))
            #expect(try runnable(retried).policy.retries == 2)
            #expect(try !runnable(retried).runsPlainAsync)
            let again = try prepare(task(file: file))
            try #require(again.graph.shape === plain.graph.shape)
            #expect(try runnable(again) === runnable(plain))
            #expect(try runnable(again).policy.retries == 0)
        }
    }

    /// Weave settings of a weave's own, each with the file its case declares its task in: the
    /// cases run in parallel, each in a configuration scope of its own, and one shape's memo
    /// holds one weave's runnables.
    static let settingsOfTheirOwn: [(WeaveSettings, StaticString)] = [
        (WeaveSettings(observers: [IgnoringObserver()]), "Memo/Observer.swift"),
        (WeaveSettings(environment: "local"), "Memo/Environment.swift"),
        (WeaveSettings(maxWorkers: 3), "Memo/MaxWorkers.swift"),
    ]

    @Test(
        "a weave with a setting of its own resolves its own runnables, and keeps none",
        arguments: settingsOfTheirOwn)
    func weaveSettings(settings: WeaveSettings, file: StaticString) async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let (plain, _) = try prepareTwice { task(file: file) }
            let own = try prepare(task(file: file), settings)
            #expect(try runnable(own) !== runnable(plain))
            // An observed weave's tasks are not plain: each attempt is told.
            #expect(try runnable(own).policy.isObserved == !settings.observers.isEmpty)
            #expect(try runnable(own).runsPlainAsync == settings.observers.isEmpty)
            let again = try prepare(task(file: file))
            try #require(again.graph.shape === plain.graph.shape)
            #expect(try runnable(again) === runnable(plain))
            #expect(try runnable(again).runsPlainAsync)
        }
    }

    @Test("a body of another kind on the same line gets a runnable of its kind")
    func bodyKindChanges() async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let file: StaticString = "Memo/Kind.swift"
            let asynchronous = try prepare(task(sync: false, file: file))
            let synchronous = try prepare(task(offset: 5, sync: true, file: file))
            try #require(asynchronous.graph.shape === synchronous.graph.shape)
            #expect(try runnable(synchronous) !== runnable(asynchronous))
            #expect(try runnable(synchronous).runsOnPool)
            #expect(try !runnable(synchronous).runsPlainAsync)
            #expect(try await synchronous.run()["a"] as? Int == 6)
            let back = try prepare(task(offset: 7, sync: false, file: file))
            #expect(try runnable(back).runsPlainAsync)
            #expect(try await back.run()["a"] as? Int == 8)
        }
    }

    /// A list `xs` and a task `m` mapping over it, adding `offset`.
    @WeaveBuilder private func mapped(_ offset: Int) -> TaskList {
        Task("xs", fileID: "Memo/Mapped.swift", line: 1) { [1, 2, 3] }
        Task("m", mapping: "xs", fileID: "Memo/Mapped.swift", line: 2) { (x: Int) in x + offset }
    }

    @Test("a mapped task reusing the runnables maps with its own weave's body")
    func mappedTask() async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let first = try PreparedWeave.prepare(
                mapped(10).definitions, data: [:], settings: WeaveSettings())
            let second = try PreparedWeave.prepare(
                mapped(20).definitions, data: [:], settings: WeaveSettings())
            try #require(first.graph.shape === second.graph.shape)
            #expect(try runnable(first, "m") === runnable(second, "m"))
            #expect(try runnable(second, "m").mapsUpstream)
            #expect(try await second.run()["m"] as? [Int] == [21, 22, 23])
            #expect(try await first.run()["m"] as? [Int] == [11, 12, 13])
        }
    }

    @Test("a weave whose environment runs tasks in another process resolves its routes every time")
    func remoteEnvironment() async throws {
        try await Wove.withConfiguration(WoveConfiguration()) {
            let file: StaticString = "Memo/Remote.swift"
            let configuration = WoveConfiguration(
                defaultEnvironment: "remote",
                environments: [
                    "remote": EnvironmentSettings(
                        executor: .custom { LoopbackExecutor(worker: WoveWorker {}) })
                ])
            let (first, second) = try await Wove.withConfiguration(configuration) {
                try prepareTwice { task(file: file) }
            }
            #expect(try runnable(first).remote != nil)
            #expect(try runnable(first) !== runnable(second))
            // A local weave of the same shape afterwards is not handed a remote runnable.
            let local = try prepare(task(file: file))
            #expect(try runnable(local).remote == nil)
        }
    }
}

/// An observer that ignores every event.
private struct IgnoringObserver: WeaveObserver {
    func observe(_ event: WeaveEvent) {}
}
