import Testing
import WoveDSL

/// The snippets of the DocC articles, compiled and checked, so the docs cannot drift from the API.
@Suite("Documentation examples")
struct DocumentationExamplesTests {
    struct MyError: Error {}

    struct Profile: Sendable, Equatable {
        let name: String
    }

    /// Stands in for the README's remote API.
    struct ProfileAPI: Sendable {
        func profile(_ id: Int) async throws -> Profile { Profile(name: "user\(id)") }
    }

    @Test("README: mapping with options")
    func readmeMapping() async throws {
        let api = ProfileAPI()
        let result = try await weave(["ids": [1, 2, 3]]) {
            Task("profiles", mapping: "ids") { (id: Int) async throws in try await api.profile(id) }
                .workers(8).limitPerMinute(600).retries(2).timeout(.seconds(10))
            Task("names", mapping: "profiles") { (profile: Profile) in profile.name }
        }
        #expect(try result.final(as: [String].self) == ["user1", "user2", "user3"])
    }

    @Test("mapping article: local collections, sources, merge")
    func mappingArticle() async throws {
        let result = try await weave(["factor": 3]) {
            Task("squares", over: [10, 20, 30]) { (item: Int) in item * item }
            Task("scaled", mapping: "squares", after: "factor") { (square: Int, factor: Int) in
                square * factor
            }
            Task("words", after: "factor") { (factor: Int) async throws -> [String] in
                flatten(
                    try await merge(
                        { (line: String) in line.split(separator: " ").map(String.init) },
                        over: ["hello world", "wove helpers"]))
            }
        }
        #expect(try result.value("scaled", as: [Int].self) == [300, 1200, 2700])
        #expect(try result.value("words", as: [String].self) == ["hello", "world", "wove", "helpers"])
    }

    @Test("configuration article: environments resolve as documented")
    func configurationArticle() async throws {
        let configuration = WoveConfiguration(
            defaultEnvironment: "default",
            environments: [
                "default": EnvironmentSettings(),
                "heavy": EnvironmentSettings(retries: 3, timeout: .seconds(30), maxWorkers: 4),
            ],
            maxWorkers: 32)
        try configuration.validate()
        let compiled = try await Wove.withConfiguration(configuration) {
            try plan { Task("crunch") { 1 }.environment("heavy") }
        }
        #expect(compiled.nodes.last?.environment == "heavy")
    }

    @Test("runtime article: reading a .return-mode result")
    func runtimeArticle() async throws {
        let result = try await weave(options: .errorMode(.return)) {
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
