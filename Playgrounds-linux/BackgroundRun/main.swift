// Start a weave in the background, keep working, then collect the result.
//
// Run it with: swift run BackgroundRun
import WoveDSL

let handle = try weaveInBackground(["user_id": 7]) {
    Task("profile", after: "user_id") { (id: Int) async throws in
        try await Task.sleep(for: .milliseconds(200))
        return "profile of user \(id)"
    }
    Task("report", after: "profile") { (profile: String) in "report built from \(profile)" }
} onDone: { result in
    print("onDone:", (try? result.final(as: String.self)) ?? "failed: \(String(describing: result.error))")
}

print("the weave runs in the background; the caller carries on")
let result = await handle.result
print("awaited:", try result.final(as: String.self))
