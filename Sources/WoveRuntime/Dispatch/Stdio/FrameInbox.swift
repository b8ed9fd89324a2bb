/// The merged event stream of an executor's worker processes: many readers push, one
/// `recv()` loop takes.
///
/// Frames pushed before a failure are still delivered; after them, ``next()`` throws the first
/// failure, every time. Cancelling the waiting task makes ``next()`` throw `CancellationError`.
final class FrameInbox: Sendable {
    private struct State {
        var frames: [WoveFrame] = []
        var head = 0
        var failure: (any Error)?
        var waiter: CheckedContinuation<WoveFrame, any Error>?
    }

    private let state = LockedValue(State())

    /// Delivers `frame` to the waiting receiver, or queues it.
    func push(_ frame: WoveFrame) {
        let waiter = state.withLock { state -> CheckedContinuation<WoveFrame, any Error>? in
            guard state.failure == nil else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.frames.append(frame)
            return nil
        }
        waiter?.resume(returning: frame)
    }

    /// Ends the stream with `error` once the queued frames are taken; later failures are ignored.
    func fail(_ error: any Error) {
        let waiter = state.withLock { state -> CheckedContinuation<WoveFrame, any Error>? in
            guard state.failure == nil else { return nil }
            state.failure = error
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(throwing: error)
    }

    /// The next frame; throws the stream's failure once drained, or `CancellationError`.
    func next() async throws -> WoveFrame {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<WoveFrame, any Error>? in
                    if state.head < state.frames.count {
                        let frame = state.frames[state.head]
                        state.head += 1
                        if state.head == state.frames.count {
                            state.frames.removeAll(keepingCapacity: true)
                            state.head = 0
                        } else if state.head >= 1024, state.head * 2 >= state.frames.count {
                            state.frames.removeSubrange(0..<state.head)
                            state.head = 0
                        }
                        return .success(frame)
                    }
                    if let failure = state.failure { return .failure(failure) }
                    // Checked under the lock: the cancellation handler takes the waiter under it too,
                    // so a cancellation either sees the waiter or is seen here.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiter != nil {
                        return .failure(StdioExecutorError(.concurrentReceive))
                    }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<WoveFrame, any Error>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
