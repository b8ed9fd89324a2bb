import WoveRuntime

/// What a stdio worker's reader thread hands to its serving task, in the order it read it.
///
/// The reader thread pushes each line's input; the serving task takes everything queued at once
/// and is woken only when it waited on an empty queue, so a burst of frames read in one call
/// costs one wake-up, not one per frame. A concrete type rather than an `AsyncThrowingStream`,
/// whose generic storage looks up its type metadata at run time on every `yield` and `next`:
/// about a tenth of a worker's work per tiny task.
///
/// The sequence ends once ``finish()`` is called, or the task iterating it is cancelled, and
/// everything pushed before is taken.
final class WorkerInputQueue: AsyncSequence, Sendable {
    typealias Element = WorkerInput
    typealias Failure = any Error

    private struct State {
        var inputs: [WorkerInput] = []
        var finished = false
        var cancelled = false
        /// The serving task, while it waits for the queue to fill.
        var waiter: UnsafeContinuation<[WorkerInput], Never>?
    }

    private let state = LockedValue(State())

    /// Queues `input` after everything pushed before; ignored once the sequence has ended
    /// (``finish()``, or the iterating task cancelled).
    func push(_ input: WorkerInput) {
        let waiter = state.withLock { state -> UnsafeContinuation<[WorkerInput], Never>? in
            guard !state.finished, !state.cancelled else { return nil }
            guard let waiter = state.waiter else {
                state.inputs.append(input)
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: [input])
    }

    /// Ends the sequence after the inputs already pushed.
    func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: [])
    }

    /// Everything queued, waiting while nothing is; empty once the sequence has ended and what
    /// was queued before has been taken, as `AsyncStream` hands out its buffer after it ends.
    /// One iterator at a time: the serving task.
    private func takeAll() async -> [WorkerInput] {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (waiter: UnsafeContinuation<[WorkerInput], Never>) in
                let batch = state.withLock { state -> [WorkerInput]? in
                    if !state.inputs.isEmpty {
                        defer { state.inputs = [] }
                        return state.inputs
                    }
                    if state.finished || state.cancelled { return [] }
                    state.waiter = waiter
                    return nil
                }
                if let batch { waiter.resume(returning: batch) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.cancelled = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: [])
        }
    }

    func makeAsyncIterator() -> Iterator { Iterator(queue: self) }

    /// Hands out one taken batch, input by input, before taking the next.
    struct Iterator: AsyncIteratorProtocol {
        let queue: WorkerInputQueue
        private var batch: [WorkerInput] = []
        private var position = 0

        init(queue: WorkerInputQueue) { self.queue = queue }

        mutating func next() async throws -> WorkerInput? {
            if position == batch.count {
                batch = await queue.takeAll()
                position = 0
                if batch.isEmpty { return nil }
            }
            defer { position += 1 }
            return batch[position]
        }
    }
}
