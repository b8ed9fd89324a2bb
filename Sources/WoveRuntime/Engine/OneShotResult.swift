/// A result that arrives once, from any thread: a blocking body's outcome, or a remote run's.
///
/// The first resolution wins: normally the work's own result, but a timeout or a
/// cancellation may resolve it first, after which the late result is dropped.
/// ``value`` may be awaited any number of times, by any number of tasks, before or after the
/// resolution; every await gets the same result.
package final class OneShotResult<T: Sendable>: Sendable {
    private struct State: Sendable {
        var result: Result<T, any Error>?
        var waiters: [UnsafeContinuation<T, any Error>] = []
    }

    private let state = LockedValue(State())

    package init() {}

    /// Whether the result has arrived.
    package var isResolved: Bool { state.withLock { $0.result != nil } }

    /// Settles the result unless it is settled already; returns whether this call settled it.
    @discardableResult
    package func resolve(_ result: Result<T, any Error>) -> Bool {
        let waiters = state.withLock { state -> [UnsafeContinuation<T, any Error>]? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume(with: result) }
        return true
    }

    /// Waits for the resolution. Not cancellable: a running body cannot be interrupted.
    package var value: T {
        get async throws {
            try await withUnsafeThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<T, any Error>? in
                    if let result = state.result { return result }
                    state.waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}
