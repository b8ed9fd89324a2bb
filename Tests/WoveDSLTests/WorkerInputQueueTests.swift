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

    @Test("inputs come out in the order pushed, across waits, and the sequence ends after finish")
    func orderAndEnd() async throws {
        let queue = WorkerInputQueue()
        let reading = Task {
            var read: [WorkerInput] = []
            for try await input in queue { read.append(input) }
            return read
        }
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
        var read: [WorkerInput] = []
        for try await input in queue { read.append(input) }
        #expect(Self.labels(read) == ["frame", "last"])
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
