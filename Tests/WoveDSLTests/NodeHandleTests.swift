import Testing
import WoveDSL

private struct Member: Sendable, Equatable {
    let id: Int
    let name: String
}

@Suite("Node handles in after:")
struct NodeHandleTests {
    @Test("a handle passes its task's output; the parameter type is inferred from it")
    func handleInfersType() async throws {
        let user = Task("user", after: "user_id") { (id: Int) in Member(id: id, name: "Ada") }
        let greeting = Task("greeting", after: user) { user in "Hello, \(user.name)" }
        let result = try await weave(["user_id": 7]) {
            user
            greeting
        }
        #expect(try result[greeting] == "Hello, Ada")
        #expect(greeting.dependencies == ["user"])
    }

    @Test("handles and names mix in one after: list, in parameter order")
    func mixedHandlesAndNames() async throws {
        let user = Task("user", after: "user_id") { (id: Int) in Member(id: id, name: "Ada") }
        let visits = Task("visits", over: [1, 2, 3]) { (day: Int) in day * 10 }
        let summary = Task("summary", after: "locale", user, visits) { (locale: String, user, visits) in
            "\(locale): \(user.name) \(visits.reduce(0, +))"
        }
        let result = try await weave(["user_id": 1, "locale": "en"]) {
            user
            visits
            summary
        }
        #expect(try result[summary] == "en: Ada 60")
        #expect(summary.dependencies == ["locale", "user", "visits"])
    }

    @Test("a mapped task maps over a handle's list")
    func mappingOverHandle() async throws {
        let ids = Task("ids") { [4, 5] }
        let squares = Task("squares", mapping: ids) { id in id * id }
        let result = try await weave {
            ids
            squares
        }
        #expect(try result[squares] == [16, 25])
    }

    @Test("modifiers return new nodes and leave the original as it was")
    func modifiersMakeNewNodes() async throws {
        let plain = Task("plain") { 1 }
        let retried = plain.retries(3).timeout(.seconds(1))
        #expect(plain.declaration.definition.options.retries == nil)
        #expect(retried.declaration.definition.options.retries == 3)
        #expect(retried.name == "plain")
    }

    @Test("a node made from a string literal is no declaration, and its weave says so")
    func literalNodeFailsClearly() async throws {
        let named: TaskNode<Int> = "answer"
        let error = try await #require(throws: WeaveError.self) { try await weave { named } }
        #expect(error.message.contains("'answer' is a node made from a string literal"), "\(error.message)")
    }
}
