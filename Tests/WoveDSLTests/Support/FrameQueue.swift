import Synchronization
import WoveDSL

/// A multi-producer, single-consumer queue of frames: `next()` waits for one, or returns `nil`
/// once finished and drained.
final class FrameQueue: Sendable {
    private struct State {
        var buffer: [WoveFrame] = []
        var waiter: CheckedContinuation<WoveFrame?, Never>?
        var finished = false
    }

    private let state = Mutex(State())

    func push(_ frame: WoveFrame) {
        let waiter = state.withLock { state -> CheckedContinuation<WoveFrame?, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.buffer.append(frame)
            return nil
        }
        waiter?.resume(returning: frame)
    }

    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<WoveFrame?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    func next() async -> WoveFrame? {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> WoveFrame?? in
                if !state.buffer.isEmpty { return .some(state.buffer.removeFirst()) }
                if state.finished { return .some(nil) }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
