import Testing
import WoveDSL

@Suite("README example")
struct ReadmeExampleTests {
    @Test("the README's example: initialization data, async and sync tasks, a join")
    func readmeExample() async throws {
        let result = try await weave(["user_id": 123]) {
            Task("user", after: "user_id") { (id: Int) async throws in
                try await Task.sleep(for: .milliseconds(50))
                return "user \(id)"
            }
            Task("magic_number") { 42 }
            Task("combined", after: "user", "magic_number") { (user: String, number: Int) in
                "\(user) likes \(number)"
            }
        }
        #expect(try result.final(as: String.self) == "user 123 likes 42")
        #expect(try result.value("magic_number", as: Int.self) == 42)
    }

    @Test("the design document's three-task example produces the combined sentence")
    func designExample() async throws {
        let result = try await weave {
            Task("magic_number") { 42 }
            Task("important_text") { "The meaning of life" }
            Task("combined", after: "important_text", "magic_number") { (text: String, number: Int) in
                "\(text) is \(number)!"
            }
        }
        #expect(try result.final(as: String.self) == "The meaning of life is 42!")
        #expect(try result.value("magic_number", as: Int.self) == 42)
        #expect(result.names == ["magic_number", "important_text", "combined"])
        #expect(result.error == nil)
        #expect(result.cancelled.isEmpty)
    }

    @Test("node handles declared outside the block give typed access")
    func nodeHandles() async throws {
        let number = Task("number") { 20 }
        let doubled = Task("doubled", after: number) { (value: Int) in value * 2 }
        let result = try await weave {
            number
            doubled
        }
        let value: Int = try result[doubled]
        #expect(value == 40)
        #expect(try result[number] == 20)
        #expect(doubled.dependencies == ["number"])
        #expect(doubled.isAsync == false)
    }
}
