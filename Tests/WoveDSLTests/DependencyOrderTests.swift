import Testing
import WoveDSL

@Suite("Dependency order")
struct DependencyOrderTests {
    @Test("a chain runs in order and passes each value on")
    func chainRunsInOrder() async throws {
        let probe = Probe()
        let result = try await weave {
            Task("c", after: "b") { (b: String) async throws in
                probe.record("c")
                return "C after \(b)"
            }
            Task("a") { () async throws in
                try await Task.sleep(for: .milliseconds(20))
                probe.record("a")
                return "A"
            }
            Task("b", after: "a") { (a: String) in
                probe.record("b")
                return "B after \(a)"
            }
        }
        #expect(probe.events == ["a", "b", "c"])
        #expect(try result.value("c", as: String.self) == "C after B after A")
        #expect(try result.final(as: String.self) == "B after A", "final is the last declared task")
    }

    @Test("sync and async tasks depend on each other freely")
    func mixedSyncAndAsync() async throws {
        let result = try await weave {
            Task("async_part") { () async in "async_done" }
            Task("sync_part") { "sync_done" }
            Task("both", after: "async_part", "sync_part") { (a: String, s: String) async in "\(a) and \(s)" }
        }
        #expect(try result.final(as: String.self) == "async_done and sync_done")
    }

    @Test("a diamond passes both branches to the join")
    func diamond() async throws {
        let result = try await weave(["x": 1]) {
            Task("a", after: "x") { (x: Int) in x + 1 }
            Task("b", after: "x") { (x: Int) async in x + 2 }
            Task("c", after: "a", "b") { (a: Int, b: Int) in a + b }
            Task("d", after: "c") { (c: Int) in c * 2 }
        }
        #expect(try result.final(as: Int.self) == 10)
        let plan = result.executionPlan
        #expect(plan.dependencies["c"] == ["a", "b"])
        #expect(plan.dependents["x"] == ["a", "b"])
        #expect(plan.tiers.map(Set.init) == [["data", "x"], ["a", "b"], ["c"], ["d"]])
        let order = plan.topologicalOrder
        #expect(try #require(order.firstIndex(of: "c")) < #require(order.firstIndex(of: "d")))
    }

    @Test("the same dependency may feed two parameters")
    func repeatedDependency() async throws {
        let result = try await weave {
            Task("n") { 7 }
            Task("square", after: "n", "n") { (a: Int, b: Int) in a * b }
        }
        #expect(try result.final(as: Int.self) == 49)
    }
}
