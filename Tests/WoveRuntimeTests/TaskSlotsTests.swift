import Testing

@testable import WoveRuntime

/// Cancelling a weave's top-level tasks from outside them, before and while they run.
@Suite("Task slots")
struct TaskSlotsTests {
    @Test("cancelAll reaches every task in a slot, and a task that enters later, but not one that left")
    func cancelAll() async {
        let slots = TaskSlots(count: 4, guardedBy: PThreadMutex())
        let (starts, started) = AsyncStream<Void>.makeStream()
        let (cancellations, cancelled) = AsyncStream<Void>.makeStream()
        await withTaskGroup(of: Bool.self) { group in
            for slot in 0..<2 {
                group.addTask {
                    slots.enter(slot)
                    started.yield()
                    let deadline = ContinuousClock.now + .seconds(5)
                    while !Task.isCancelled, ContinuousClock.now < deadline { await Task.yield() }
                    slots.leave(slot)
                    return Task.isCancelled
                }
            }
            // In a slot and out again before cancelAll: never cancelled.
            group.addTask {
                slots.enter(2)
                slots.leave(2)
                started.yield()
                for await _ in cancellations { break }
                return !Task.isCancelled
            }
            var iterator = starts.makeAsyncIterator()
            for _ in 0..<3 { _ = await iterator.next() }
            slots.cancelAll()
            cancelled.yield()
            cancelled.finish()
            for await passed in group { #expect(passed) }
        }
        let late = await Task {
            slots.enter(3)
            defer { slots.leave(3) }
            return Task.isCancelled
        }.value
        #expect(late, "a task that enters after cancelAll is cancelled at once")
    }
}
