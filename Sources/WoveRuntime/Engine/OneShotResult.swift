import Synchronization

/// A result that arrives once, from any thread: a blocking body's outcome, or a remote run's.
///
/// The first resolution wins: normally the work's own result, but a timeout or a
/// cancellation may resolve it first, after which the late result is dropped.
/// ``value`` may be awaited once, before or after the resolution.
package final class OneShotResult<T: Sendable>: Sendable {
    private enum State {
        case pending
        case awaited(UnsafeContinuation<T, any Error>)
        case resolved(Result<T, any Error>)
        case delivered
    }

    private let state = Mutex(State.pending)

    package init() {}

    /// Settles the ticket unless it is settled already.
    package func resolve(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state -> UnsafeContinuation<T, any Error>? in
            switch state {
            case .pending:
                state = .resolved(result)
                return nil
            case .awaited(let continuation):
                state = .delivered
                return continuation
            case .resolved, .delivered:
                return nil
            }
        }
        waiter?.resume(with: result)
    }

    /// Waits for the resolution. Not cancellable: a running body cannot be interrupted.
    package var value: T {
        get async throws {
            try await withUnsafeThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<T, any Error>? in
                    if case .resolved(let result) = state {
                        state = .delivered
                        return result
                    }
                    state = .awaited(continuation)
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}
