import Testing
import WoveDSL
import WoveRuntime

/// A weave declared again with the same shape reuses the compiled shape; any input that changes
/// the graph compiles it afresh, with the same errors and values as the first time.
///
/// Each helper declares its tasks on fixed lines, so every call files its shape under the same
/// cache key: only the shape check tells the calls apart.
@Suite("Graph shape cache")
struct GraphShapeCacheTests {
    /// One task, `name`, reading `dependency`, declared on one line for every call.
    private func single(
        _ name: String = "a",
        after dependency: String = "x",
        retries: Int? = nil,
        environment: String = "local"
    ) -> TaskList {
        let task = Task(name, after: Dependency(dependency)) { (x: Int) async in x + 1 }.environment(
            environment)
        return (retries.map { task.retries($0) } ?? task).taskList
    }

    private func prepare(_ tasks: TaskList, _ data: [String: any Sendable]) throws -> PreparedWeave {
        try PreparedWeave.prepare(tasks.definitions, data: data, settings: WeaveSettings())
    }

    @Test("a weave of the same shape reuses it and still runs its own bodies and data")
    func reusesTheShape() async throws {
        let first = try prepare(single(), ["x": 1])
        let second = try prepare(single(), ["x": 41])
        #expect(first.graph.shape === second.graph.shape)
        #expect(try await second.run()["a"] as? Int == 42)
        #expect(try await first.run()["a"] as? Int == 2)
    }

    @Test("a data value of another type is a type mismatch, not the cached shape")
    func dataTypeChanges() throws {
        _ = try prepare(single(), ["x": 1])
        let error = try #require(throws: WeaveError.self) { try prepare(single(), ["x": "one"]) }
        #expect(error.code == .typeMismatch)
        #expect(error.taskName == "a")
    }

    @Test("a data key renamed or added is resolved again")
    func dataKeysChange() async throws {
        _ = try prepare(single(), ["x": 1])
        let missing = try #require(throws: WeaveError.self) { try prepare(single(), ["y": 1]) }
        #expect(missing.code == .unknownDependency)
        let reserved = try #require(throws: WeaveError.self) { try prepare(single(), ["x": 1, "data": 2]) }
        #expect(reserved.code == .reservedName)
        let extra = try prepare(single(), ["x": 1, "z": 5])
        #expect(extra.graph.nodes.map(\.name) == ["data", "x", "z", "a"])
    }

    @Test("a task renamed or rewired on the same line gets its own shape")
    func namesAndDependenciesChange() async throws {
        let first = try prepare(single("a", after: "x"), ["x": 1, "y": 10])
        let renamed = try prepare(single("b", after: "x"), ["x": 1, "y": 10])
        #expect(first.graph.shape !== renamed.graph.shape)
        #expect(try await renamed.run()["b"] as? Int == 2)
        let rewired = try prepare(single("a", after: "y"), ["x": 1, "y": 10])
        #expect(try await rewired.run()["a"] as? Int == 11)
        #expect(rewired.graph.dependencies[rewired.graph.taskIndices.lowerBound] == [2])
    }

    @Test("a cycle introduced on a later call is found")
    func cycleChanges() throws {
        func pair(_ firstInput: String) -> TaskList {
            TaskList(
                Task("p", after: Dependency(firstInput)) { (x: Int) in x }.taskList.definitions
                    + Task("q", after: "p") { (x: Int) in x }.taskList.definitions)
        }
        _ = try prepare(pair("x"), ["x": 1])
        let error = try #require(throws: WeaveError.self) { try prepare(pair("q"), ["x": 1]) }
        #expect(error.code == .dependencyCycle)
    }

    @Test("an output type that differs between calls is checked again")
    func outputTypeChanges() throws {
        func typed<Value: Sendable>(_ value: Value) -> TaskList {
            TaskList(
                Task("source") { () async in value }.taskList.definitions
                    + Task("sink", after: "source") { (number: Int) async in number }.taskList.definitions)
        }
        _ = try prepare(typed(1), [:])
        let error = try #require(throws: WeaveError.self) { try prepare(typed("one"), [:]) }
        #expect(error.code == .typeMismatch)
        #expect(error.taskName == "sink")
    }

    @Test("a mapping source that changes is resolved and checked again")
    func mappingSourceChanges() async throws {
        func mapped(_ source: String) -> TaskList {
            Task("doubled", mapping: Dependency(source)) { (item: Int) in item * 2 }.taskList
        }
        let first = try prepare(mapped("numbers"), ["numbers": [1, 2], "words": ["a"]])
        #expect(try await first.run()["doubled"] as? [Int] == [2, 4])
        let error = try #require(throws: WeaveError.self) {
            try prepare(mapped("words"), ["numbers": [1, 2], "words": ["a"]])
        }
        #expect(error.code == .typeMismatch)
    }

    @Test("options and environments are checked on every call, cached shape or not")
    func optionsAndEnvironmentsChange() async throws {
        _ = try prepare(single(retries: 1), ["x": 1])
        let invalid = try #require(throws: WeaveError.self) { try prepare(single(retries: -1), ["x": 1]) }
        #expect(invalid.code == .invalidOption)
        let unknown = try #require(throws: WeaveError.self) {
            try prepare(single(environment: "nowhere"), ["x": 1])
        }
        #expect(unknown.code == .unknownEnvironment)
        let configuration = WoveConfiguration(environments: ["sturdy": EnvironmentSettings(retries: 3)])
        let configured = try await Wove.withConfiguration(configuration) {
            try prepare(single(environment: "sturdy"), ["x": 1])
        }
        #expect(
            configured.graph.taskIndices.compactMap { configured.graph.runnable(at: $0)?.policy.retries } == [
                3
            ])
    }

    @Test("an override and a task replacing a data value are matched after overrides")
    func overridesChange() async throws {
        func declared(overridden: Bool) -> TaskList {
            let base = Task("a") { () async in 1 }.taskList.definitions
            let override = Task("a", after: "x") { (x: Int) async in x * 10 }.taskList.definitions
            return TaskList(overridden ? base + override : base)
        }
        let plain = try prepare(declared(overridden: false), ["x": 2])
        let overridden = try prepare(declared(overridden: true), ["x": 2])
        #expect(plain.graph.shape !== overridden.graph.shape)
        #expect(try await plain.run()["a"] as? Int == 1)
        #expect(try await overridden.run()["a"] as? Int == 20)
        let replacing = try prepare(declared(overridden: false), ["x": 2, "a": "a value the task replaces"])
        #expect(replacing.graph.nodes.map(\.name) == ["data", "x", "a"])
        #expect(try await replacing.run()["a"] as? Int == 1)
    }

    @Test("a shape larger than the cache keeps is compiled on every call")
    func largeShapesAreNotKept() throws {
        func wide() -> TaskList {
            TaskList(
                (0...GraphShapeCache.largestShape).map { index in
                    Task("t\(index)") { index }.declaration.definition
                })
        }
        let first = try prepare(wide(), [:])
        let second = try prepare(wide(), [:])
        #expect(first.graph.nodes.count > GraphShapeCache.largestShape)
        #expect(first.graph.shape !== second.graph.shape)
    }

    @Test("a task declared on another line gets its own shape, and plans show its own line")
    func declaringLineChanges() throws {
        func declared(secondOnOtherLine: Bool) -> (TaskList, line: Int) {
            let first = Task("first") { () async in 1 }.taskList.definitions
            if secondOnOtherLine {
                let second = Task("second", after: "first") { (x: Int) async in x }; let line = #line
                return (TaskList(first + second.taskList.definitions), line)
            }
            let second = Task("second", after: "first") { (x: Int) async in x }; let line = #line
            return (TaskList(first + second.taskList.definitions), line)
        }
        let (tasks, line) = declared(secondOnOtherLine: false)
        let (moved, movedLine) = declared(secondOnOtherLine: true)
        let first = try prepare(tasks, [:])
        let second = try prepare(moved, [:])
        #expect(first.graph.shape !== second.graph.shape)
        #expect(first.plan.nodes.first { $0.name == "second" }?.location?.line == line)
        #expect(second.plan.nodes.first { $0.name == "second" }?.location?.line == movedLine)
    }

    @Test("the cache keeps no task body alive")
    func keepsNoBody() async throws {
        final class Captured: Sendable {}
        weak var watched: Captured?
        do {
            let captured = Captured()
            watched = captured
            let result = try await weave(["x": 1]) {
                Task("holder", after: "x") { (x: Int) async in
                    withExtendedLifetime(captured) { x }
                }
            }
            #expect(result["holder"] as? Int == 1)
        }
        #expect(watched == nil)
    }
}
