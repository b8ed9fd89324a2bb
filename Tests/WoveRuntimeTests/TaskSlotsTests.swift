import Testing

@testable import WoveRuntime

/// Cancelling a weave's top-level tasks from outside them, before and while they run.
@Suite("Task slots")
struct TaskSlotsTests {
    @Test("cancelAll reaches every running task, and a task that starts later, but not one that ended")
    func cancelAll() async {
        let slots = TaskSlots(count: 3)
        let (starts, started) = AsyncStream<Void>.makeStream()
        let ended = LockedValue(false)
        await slots.run(2) { ended.withLock { $0 = Task.isCancelled } }
        await withTaskGroup(of: Bool.self) { group in
            for slot in 0..<2 {
                group.addTask {
                    let seen = LockedValue(false)
                    await slots.run(slot) {
                        started.yield()
                        let deadline = ContinuousClock.now + .seconds(5)
                        while !Task.isCancelled, ContinuousClock.now < deadline { await Task.yield() }
                        seen.withLock { $0 = Task.isCancelled }
                    }
                    return seen.withLock { $0 }
                }
            }
            var iterator = starts.makeAsyncIterator()
            _ = await iterator.next()
            _ = await iterator.next()
            slots.cancelAll()
            for await sawCancellation in group { #expect(sawCancellation) }
        }
        #expect(!ended.withLock { $0 }, "the slot's earlier task ran uncancelled")
        let late = LockedValue(false)
        await slots.run(2) { late.withLock { $0 = Task.isCancelled } }
        #expect(late.withLock { $0 }, "a task started after cancelAll is cancelled at once")
    }
}
