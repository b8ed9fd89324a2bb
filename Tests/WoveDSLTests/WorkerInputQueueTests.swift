import Foundation
import Testing
import WoveRuntime

@testable import WoveDSL

/// The queue between a stdio worker's reader thread and its serving task.
@Suite("Worker input queue")
struct WorkerInputQueueTests {
    /// The messages of `inputs`, read as `unreadable` lines so each carries a label.
    private static func labels(_ inputs: [WorkerInput]) -> [String] {
        inputs.map { input in
            if case .unreadable(let label) = input { return label }
            return "frame"
        }
    }

    /// Everything the queue hands out until its sequence ends.
    private static func readAll(_ queue: WorkerInputQueue) async throws -> [WorkerInput] {
        var read: [WorkerInput] = []
        for try await input in queue { read.append(input) }
        return read
    }

    @Test("inputs come out in the order pushed, across waits, and the sequence ends after finish")
    func orderAndEnd() async throws {
        let queue = WorkerInputQueue()
        let reading = Task { try await Self.readAll(queue) }
        // Some pushed before the reader waits, some while it waits, some after.
        for index in 0..<500 {
            queue.push(.unreadable("line \(index)"))
            if index % 50 == 0 { await Task.yield() }
        }
        queue.finish()
        queue.push(.unreadable("after finish"))
        let read = try await reading.value
        #expect(Self.labels(read) == (0..<500).map { "line \($0)" })
    }

    @Test("everything pushed before finish is read, even when the reader starts afterwards")
    func finishKeepsQueued() async throws {
        let queue = WorkerInputQueue()
        queue.push(.frame(.shutdown))
        queue.push(.unreadable("last"))
        queue.finish()
        #expect(Self.labels(try await Self.readAll(queue)) == ["frame", "last"])
    }

    @Test(
        "inputs pushed from another thread wake the waiting reader, in order, none lost",
        .timeLimit(.minutes(1)))
    func pushesFromAThread() async throws {
        let queue = WorkerInputQueue()
        let reading = Task { try await Self.readAll(queue) }
        // The reader thread of a worker pushes from outside the cooperative pool, with pauses
        // that let the serving task wait on an empty queue in between.
        Thread.detachNewThread {
            for index in 0..<2_000 {
                queue.push(.unreadable("line \(index)"))
                if index % 100 == 0 { usleep(1_000) }
            }
            queue.finish()
        }
        let read = try await reading.value
        #expect(Self.labels(read) == (0..<2_000).map { "line \($0)" })
    }

    @Test("the reading task, cancelled, still gets what was queued before; later pushes are dropped")
    func cancellationKeepsQueued() async throws {
        let queue = WorkerInputQueue()
        queue.push(.unreadable("first"))
        queue.push(.unreadable("second"))
        let reading = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            var read: [WorkerInput] = []
            for try await input in queue {
                read.append(input)
                queue.push(.unreadable("after cancellation"))
            }
            return read
        }
        #expect(Self.labels(try await reading.value) == ["first", "second"])
    }

    @Test("cancelling the reading task ends its wait on an empty queue", .timeLimit(.minutes(1)))
    func cancellationEndsWait() async throws {
        let queue = WorkerInputQueue()
        let started = AsyncGate()
        let reading = Task {
            var count = 0
            started.open()
            for try await _ in queue { count += 1 }
            return count
        }
        await started.wait()
        reading.cancel()
        #expect(try await reading.value == 0, "the reader returned without an input and without finish()")
    }
}
