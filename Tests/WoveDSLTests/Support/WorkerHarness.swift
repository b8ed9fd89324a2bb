import WoveDSL
import WoveRuntime

/// Feeds frames to a worker in-process and collects what it emits.
final class WorkerHarness: Sendable {
    let worker: WoveWorker
    private let emitted = LockedValue<[WoveFrame]>([])
    let input: AsyncThrowingStream<WoveFrame, any Error>
    private let continuation: AsyncThrowingStream<WoveFrame, any Error>.Continuation

    init(_ worker: WoveWorker) {
        self.worker = worker
        (input, continuation) = AsyncThrowingStream.makeStream()
    }

    func send(_ frame: WoveFrame) { continuation.yield(frame) }
    func finish() { continuation.finish() }

    var frames: [WoveFrame] { emitted.withLock { $0 } }

    func serve() async {
        await worker.serve(input) { frame in self.emitted.withLock { $0.append(frame) } }
    }

    /// Waits until a frame satisfying `condition` has been emitted.
    func waitFor(_ condition: @escaping (WoveFrame) -> Bool) async throws {
        while !frames.contains(where: condition) { try await Task.sleep(for: .milliseconds(2)) }
    }
}
