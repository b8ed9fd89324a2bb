import Testing
import WoveDSL

@Suite("Weave builder")
struct BuilderTests {
    @Test("if without else includes tasks only when the condition holds", arguments: [true, false])
    func ifWithoutElse(include: Bool) async throws {
        let result = try await weave {
            Task("base") { 1 }
            if include {
                Task("extra", after: "base") { (n: Int) in n + 1 }
            }
        }
        #expect(result.names == (include ? ["base", "extra"] : ["base"]))
    }

    @Test("if/else picks one branch", arguments: [true, false])
    func ifElse(fast: Bool) async throws {
        let result = try await weave {
            if fast {
                Task("mode") { "fast" }
            } else {
                Task("mode") { () async in "careful" }
            }
        }
        #expect(try result.final(as: String.self) == (fast ? "fast" : "careful"))
    }

    @Test("for-in generates a task per iteration and a join can name them")
    func forLoop() async throws {
        let result = try await weave {
            for shard in 0..<4 {
                Task("shard_\(shard)") { shard * 10 }
            }
            Task("sum", after: "shard_0", "shard_1", "shard_2", "shard_3") {
                (a: Int, b: Int, c: Int, d: Int) in a + b + c + d
            }
        }
        #expect(try result.final(as: Int.self) == 60)
        #expect(result.names == ["shard_0", "shard_1", "shard_2", "shard_3", "sum"])
    }

    @Test("switch picks a case")
    func switchStatement() async throws {
        let flavour = 2
        let result = try await weave {
            switch flavour {
            case 1: Task("pick") { "one" }
            case 2: Task("pick") { "two" }
            default: Task("pick") { "many" }
            }
        }
        #expect(try result.final(as: String.self) == "two")
    }

    @Test("optional content contributes its task or nothing")
    func optionalContent() async throws {
        let present: TaskNode<Int>? = Task("present") { 1 }
        let absent: TaskNode<Int>? = nil
        let result = try await weave {
            present
            absent
        }
        #expect(result.names == ["present"])
    }

    @Test("a later declaration of a name replaces the earlier one and keeps its position")
    func overrideRule() async throws {
        let result = try await weave {
            Task("greeting") { "hello" }
            Task("name") { "Ada" }
            Task("greeting", after: "name") { (name: String) in "hi \(name)" }
        }
        #expect(result.names == ["greeting", "name"])
        #expect(try result.value("greeting", as: String.self) == "hi Ada")
    }

    @Test(
        "overrides, dependencies and result lookups resolve names in small and large weaves alike",
        arguments: [3, 40])
    func namesResolveAtAnySize(width: Int) async throws {
        // Up to 16 names are looked up by scanning, more by hashing: both must agree.
        let result = try await weave(["seed": 1]) {
            for index in 0..<width {
                Task("t\(index)", after: "seed") { (seed: Int) in seed + index }
            }
            Task("t1", after: "seed") { (seed: Int) in seed * 100 }
            Task("sum", after: "t0", "t1", Dependency("t\(width - 1)")) { (a: Int, b: Int, c: Int) in
                a + b + c
            }
        }
        #expect(result.names.count == width + 1, "the override keeps t1's position")
        #expect(result.names[1] == "t1")
        #expect(try result.value("t1", as: Int.self) == 100)
        #expect(try result.value("t\(width - 1)", as: Int.self) == width)
        #expect(try result.final(as: Int.self) == 1 + 100 + width)
        #expect(throws: WeaveError.self) { try result.value("t\(width)", as: Int.self) }
    }

    @Test("task lists compose: a list built elsewhere can be included")
    func composedLists() async throws {
        @WeaveBuilder func shared() -> TaskList {
            Task("x") { 2 }
            Task("y", after: "x") { (x: Int) in x * 3 }
        }
        let list = shared()
        #expect(list.names == ["x", "y"])
        let result = try await weave {
            list
            Task("z", after: "y") { (y: Int) in y + 1 }
        }
        #expect(try result.final(as: Int.self) == 7)
    }

    @Test("an empty weave runs and has no final value")
    func emptyWeave() async throws {
        let result = try await weave {}
        #expect(result.names.isEmpty)
        let error = try #require(throws: WeaveError.self) { try result.final(as: Int.self) }
        #expect(error.code == .noTasks)
    }

    @Test("closures with many inputs keep their types")
    func manyInputs() async throws {
        let result = try await weave(["a": 1, "b": "two", "c": 3.0, "d": [4], "e": true]) {
            Task("all", after: "a", "b", "c", "d", "e") { (a: Int, b: String, c: Double, d: [Int], e: Bool) in
                "\(a) \(b) \(c) \(d) \(e)"
            }
        }
        #expect(try result.final(as: String.self) == "1 two 3.0 [4] true")
    }
}
