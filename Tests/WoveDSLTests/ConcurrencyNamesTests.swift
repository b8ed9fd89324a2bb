import Testing
import WoveDSL

/// `Task` in Wove is a function, so Swift Concurrency's `Task` type still works in files importing WoveDSL.
@Suite("Swift Concurrency's Task still works")
struct ConcurrencyNamesTests {
    @Test("Task { }, Task.detached and Task.sleep compile and run next to Wove's Task(...)")
    func concurrencyTaskStillWorks() async throws {
        let unstructured = Task { 1 }
        let detached = Task.detached { 2 }
        try await Task.sleep(for: .milliseconds(1))
        let node = Task("wove_task") { 3 }
        let result = try await weave { node }
        let total = await unstructured.value + detached.value + (try result[node])
        #expect(total == 6)
        #expect(Task<Int, Never>.self == type(of: unstructured))
    }
}
