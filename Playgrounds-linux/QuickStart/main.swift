// The README example: three tasks, one of which waits for the other two.
//
// Run it with: swift run QuickStart
import WoveDSL

let result = try await weave {
    Task("magic_number") { 42 }
    Task("important_text") { "The meaning of life" }
    Task("combined", after: "important_text", "magic_number") { (text: String, number: Int) in
        "\(text) is \(number)!"
    }
}
print(try result.final(as: String.self))
print(try result.value("magic_number", as: Int.self))
print("tiers:", result.executionPlan.tiers)

// Graph errors are thrown before anything runs, naming the culprit and its line.
do {
    _ = try await weave {
        Task("magic_number") { 42 }
        Task("doubled", after: "magic_numbr") { (number: Int) in number * 2 }
    }
} catch let error as WeaveError {
    print(error.message)
}
