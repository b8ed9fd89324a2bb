import Testing
import WoveDSL

/// The snippets of the DocC articles, compiled and checked, so the docs cannot drift from the API.
@Suite("Documentation examples")
struct DocumentationExamplesTests {
    struct MyError: Error {}

    @Test("runtime article: reading a .return-mode result")
    func runtimeArticle() async throws {
        let result = try await weave(errorMode: .return) {
            Task("ok") { 1 }
            Task("bad") { () throws -> Int in throw MyError() }
        }
        #expect(result.errors["bad"] is MyError)
        #expect(result["ok"] as? Int == 1)
        #expect(result.executionPlan.tiers == [["data", "ok", "bad"]])
        #expect(result.timings["ok"] != nil)
    }

    @Test("helpers article: chunking and reshaping")
    func helpersArticle() throws {
        #expect(try fold([1, 2, 3, 4, 5], size: 2) == [[1, 2], [3, 4], [5]])
        #expect(try batch([1, 2, 3, 4, 5], count: 2) == [[1, 2, 3], [4, 5]])
        #expect(flatten([[1, 2], [3], []]) == [1, 2, 3])
        #expect(denone([1, nil, 2]) == [1, 2])
        #expect(redict([("a", 1), ("b", 2), ("a", 3)]) == ["a": 3, "b": 2])
        let pairs = undict(["basic": 10] as KeyValuePairs)
        #expect(pairs.count == 1 && pairs[0].key == "basic" && pairs[0].value == 10)
    }
}
