// The README example, plus what a miswired graph reports.
//
// Run it with: swift run QuickStart
import WoveDSL

let result = try await weave(["user_id": 123]) {
    Task("user", after: "user_id") { (id: Int) async throws in
        try await Task.sleep(for: .milliseconds(50))  // Swift's Task still works
        return "user \(id)"
    }
    Task("magic_number") { 42 }  // no `await`: runs on Wove's blocking pool
    Task("combined", after: "user", "magic_number") { (user: String, number: Int) in
        "\(user) likes \(number)"
    }
}
print(try result.final(as: String.self))  // "user 123 likes 42"
print(try result.value("magic_number", as: Int.self))  // 42
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
