import Testing
import WoveDSL

/// Every graph error is thrown before any task body runs, and names the tasks and their lines.
@Suite("Graph errors")
struct GraphErrorTests {
    /// Runs `content` expecting a `WeaveError`; checks that no body ran.
    private func graphError(
        _ data: [String: any Sendable] = [:],
        probe: Probe,
        @WeaveBuilder _ content: () throws -> TaskList
    ) async throws -> WeaveError {
        let error = try await #require(throws: WeaveError.self) {
            try await weave(data, content)
        }
        #expect(probe.events.isEmpty, "no task body may run when the graph is invalid")
        return error
    }

    @Test("a node records the file and line of its Task(...) call")
    func nodeRecordsItsLine() {
        let node = Task("here") { 1 }; let line = #line
        #expect(node.location.line == line)
        #expect(node.location.fileID == "WoveDSLTests/GraphErrorTests.swift")
        #expect(node.location.description == "WoveDSLTests/GraphErrorTests.swift:\(line)")
    }

    @Test("an unknown dependency names the task, its line and the closest name")
    func unknownDependency() async throws {
        let probe = Probe()
        let doubled = Task("doubled", after: "magic_numbr") { (n: Int) in
            probe.record("doubled")
            return n * 2
        }
        let error = try await graphError(probe: probe) {
            Task("magic_number") {
                probe.record("magic_number")
                return 42
            }
            doubled
        }
        #expect(error.code == .unknownDependency)
        #expect(error.taskName == "doubled")
        #expect(error.location == doubled.location)
        #expect(error.message.contains("Did you mean 'magic_number'?"))
        #expect(error.message.contains("'doubled' (\(doubled.location))"))
    }

    @Test("an unknown dependency far from every name gets no suggestion")
    func unknownDependencyWithoutSuggestion() async throws {
        let probe = Probe()
        let error = try await graphError(probe: probe) {
            Task("alpha") {
                probe.record("alpha"); return 1
            }
            Task("beta", after: "zzzzzzzz") { (n: Int) in n }
        }
        #expect(error.code == .unknownDependency)
        #expect(!error.message.contains("Did you mean"))
        #expect(error.message.contains("Declared names: alpha, beta."), "no data, so no 'data' node listed")
        let withData = try await graphError(["seed": 1], probe: probe) {
            Task("beta", after: "zzzzzzzz") { (n: Int) in n }
        }
        #expect(withData.message.contains("Declared names: data, seed, beta."), "\(withData.message)")
    }

    @Test("a cycle reports its path with every task's line")
    func cycle() async throws {
        let probe = Probe()
        let a = Task("a", after: "c") { (c: Int) in c }
        let b = Task("b", after: "a") { (a: Int) in a }
        let c = Task("c", after: "b") { (b: Int) in b }
        let error = try await graphError(probe: probe) {
            a
            b
            c
            Task("free") {
                probe.record("free")
                return 0
            }
        }
        #expect(error.code == .dependencyCycle)
        for node in [a, b, c] {
            #expect(error.message.contains("'\(node.name)' (\(node.location))"))
        }
        #expect(!error.message.contains("free"), "only tasks on the cycle are named")
        let path = error.message.components(separatedBy: " → ")
        #expect(path.count == 4, "three tasks and the first again: \(error.message)")
    }

    @Test("a task that depends on itself is a cycle")
    func selfCycle() async throws {
        let probe = Probe()
        let error = try await graphError(probe: probe) {
            Task("loop", after: "loop") { (n: Int) in n }
        }
        #expect(error.code == .dependencyCycle)
        #expect(error.taskName == "loop")
    }

    @Test("a tasks downstream of a cycle does not hide it")
    func downstreamOfCycle() async throws {
        let probe = Probe()
        let error = try await graphError(probe: probe) {
            Task("after_cycle", after: "x") { (x: Int) in x }
            Task("x", after: "y") { (y: Int) in y }
            Task("y", after: "x") { (x: Int) in x }
        }
        #expect(error.code == .dependencyCycle)
        #expect(!error.message.contains("after_cycle"))
    }

    @Test("a consumer whose parameter type differs from its producer's output is rejected before running")
    func typeMismatch() async throws {
        let probe = Probe()
        let text = Task("text") {
            probe.record("text")
            return "forty-two"
        }
        let doubled = Task("doubled", after: "text") { (n: Int) in
            probe.record("doubled")
            return n * 2
        }
        let error = try await graphError(probe: probe) {
            text
            doubled
        }
        #expect(error.code == .typeMismatch)
        #expect(error.taskName == "doubled")
        #expect(error.location == doubled.location)
        #expect(error.message.contains("takes Swift.Int"))
        #expect(error.message.contains("produces Swift.String"))
        #expect(error.message.contains(text.location.description))
        #expect(error.message.contains(doubled.location.description))
    }

    @Test("an initialization value of the wrong type is rejected before running")
    func seedTypeMismatch() async throws {
        let probe = Probe()
        let error = try await graphError(["user_id": "123"], probe: probe) {
            Task("user", after: "user_id") { (id: Int) in
                probe.record("user"); return id
            }
        }
        #expect(error.code == .typeMismatch)
        #expect(error.message.contains("initialization value 'user_id' is Swift.String"))
    }

    @Test("subclasses and Any are accepted where the base type is declared")
    func compatibleTypes() async throws {
        class Animal: @unchecked Sendable { var name: String { "animal" } }
        final class Dog: Animal, @unchecked Sendable { override var name: String { "dog" } }
        let result = try await weave {
            Task("dog") { Dog() }
            Task("name", after: "dog") { (animal: Animal) in animal.name }
            Task("anything", after: "dog") { (value: any Sendable) in value is Dog }
        }
        #expect(try result.value("name", as: String.self) == "dog")
        #expect(try result.value("anything", as: Bool.self))
    }

    @Test("a task named data is rejected")
    func reservedTaskName() async throws {
        let probe = Probe()
        let error = try await graphError(probe: probe) {
            Task("data") {
                probe.record("data"); return 1
            }
        }
        #expect(error.code == .reservedName)
        #expect(error.taskName == "data")
    }

    @Test("an initialization key named data is rejected")
    func reservedDataKey() async throws {
        let probe = Probe()
        let error = try await graphError(["data": 1], probe: probe) {
            Task("a") {
                probe.record("a"); return 1
            }
        }
        #expect(error.code == .reservedName)
    }

    @Test("maxWorkers below one is an invalid option")
    func invalidMaxWorkers() async throws {
        let error = try await #require(throws: WeaveError.self) {
            try await weave(options: .maxWorkers(0)) { Task("a") { 1 } }
        }
        #expect(error.code == .invalidOption)
        #expect(error.message.contains("maxWorkers"))
    }

    @Test("an error thrown while building the block stops everything")
    func builderThrows() async throws {
        let probe = Probe()
        func failingPart() throws -> TaskNode<Int> { throw Boom(code: 7) }
        let error = try await #require(throws: Boom.self) {
            try await weave {
                Task("ran") {
                    probe.record("ran"); return 1
                }
                try failingPart()
            }
        }
        #expect(error == Boom(code: 7))
        #expect(probe.events.isEmpty)
    }
}

/// A protocol for the existential-parameter check.
protocol Shape: Sendable {}
struct Square: Shape {}

@Suite("Existential parameters")
struct ExistentialParameterTests {
    @Test("a protocol-typed parameter accepts a conforming producer")
    func conformingProducer() async throws {
        let result = try await weave {
            Task("square") { Square() }
            Task("is_shape", after: "square") { (shape: any Shape) in shape is Square }
        }
        #expect(try result.final(as: Bool.self))
    }

    @Test("a protocol-typed parameter fed a non-conforming value fails that task with a clear error")
    func nonConformingProducer() async throws {
        let result = try await weave(options: .errorMode(.return)) {
            Task("number") { 3 }
            Task("is_shape", after: "number") { (shape: any Shape) in shape is Square }
        }
        let error = try #require(result.errors["is_shape"] as? WeaveError)
        #expect(error.code == .typeMismatch)
        #expect(error.message.contains("received Swift.Int"))
        #expect(error.taskName == "is_shape")
    }
}
