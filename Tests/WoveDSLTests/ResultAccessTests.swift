import Testing
import WoveDSL

@Suite("Result access")
struct ResultAccessTests {
    @Test("an unknown name throws unknownResult with a suggestion")
    func unknownName() async throws {
        let result = try await weave { Task("answer") { 42 } }
        let error = try #require(throws: WeaveError.self) { try result.value("answr", as: Int.self) }
        #expect(error.code == .unknownResult)
        #expect(error.message.contains("Did you mean 'answer'?"))
    }

    @Test("reading a value as the wrong type throws resultTypeMismatch naming both types")
    func wrongType() async throws {
        let result = try await weave { Task("answer") { 42 } }
        let error = try #require(throws: WeaveError.self) { try result.value("answer", as: String.self) }
        #expect(error.code == .resultTypeMismatch)
        #expect(error.message.contains("Swift.Int") && error.message.contains("Swift.String"))
    }

    @Test("a node handle of an overridden name with another type throws instead of crashing")
    func staleNodeHandle() async throws {
        let original = Task("value") { 1 }
        let result = try await weave {
            original
            Task("value") { "replaced" }
        }
        #expect(throws: WeaveError.self) { try result[original] }
        #expect(try result.value("value", as: String.self) == "replaced")
    }

    @Test("untyped access returns values and nil for unknown names")
    func untyped() async throws {
        let result = try await weave(["seed": 5]) { Task("answer") { 42 } }
        #expect(result["answer"] as? Int == 42)
        #expect(result["seed"] as? Int == 5)
        #expect(result["nothing"] == nil)
    }
}
