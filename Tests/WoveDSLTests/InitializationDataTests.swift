import Testing
import WoveDSL

@Suite("Initialization data")
struct InitializationDataTests {
    @Test("initialization values feed tasks by name")
    func valuesByName() async throws {
        let result = try await weave(["a": 10, "b": 20, "greeting": "hello"]) {
            Task("sum", after: "a", "b") { (a: Int, b: Int) in a + b }
            Task("shout", after: "greeting") { (text: String) in text.uppercased() }
        }
        #expect(try result.value("sum", as: Int.self) == 30)
        #expect(try result.value("shout", as: String.self) == "HELLO")
        #expect(try result.value("a", as: Int.self) == 10)
    }

    @Test("the data node holds the whole dictionary")
    func dataNode() async throws {
        let result = try await weave(["a": 10, "c": "hello"]) {
            Task("keys", after: "data") { (data: [String: any Sendable]) in data.keys.sorted() }
            Task("a_plus", after: "data", "a") { (data: [String: any Sendable], a: Int) in
                (data["a"] as? Int ?? 0) + a
            }
        }
        #expect(try result.value("keys", as: [String].self) == ["a", "c"])
        #expect(try result.value("a_plus", as: Int.self) == 20)
    }

    @Test("data is an empty dictionary without initialization values")
    func emptyData() async throws {
        let result = try await weave {
            Task("count", after: "data") { (data: [String: any Sendable]) in data.count }
        }
        #expect(try result.final(as: Int.self) == 0)
    }

    @Test("initialization values are plan nodes, not tasks: no names, no timings")
    func seedsAreNotTasks() async throws {
        let result = try await weave(["user_id": 123]) {
            Task("user", after: "user_id") { (id: Int) in "user \(id)" }
        }
        #expect(result.names == ["user"])
        #expect(Set(result.timings.keys) == ["user"])
        #expect(result.executionPlan.tiers.first.map(Set.init) == ["data", "user_id"])
        #expect(result.executionPlan.dependencies["user_id"] == [])
    }

    @Test("a task with the name of an initialization value replaces it")
    func taskReplacesSeed() async throws {
        let result = try await weave(["base": 1]) {
            Task("base") { 100 }
            Task("next", after: "base") { (base: Int) in base + 1 }
        }
        #expect(try result.final(as: Int.self) == 101)
    }
}
