/// A result that arrives once, from any thread: a blocking body's outcome, or a remote run's.
///
/// The first resolution wins: normally the work's own result, but a timeout or a
/// cancellation may resolve it first, after which the late result is dropped.
/// ``value`` may be awaited any number of times, by any number of tasks, before or after the
/// resolution; every await gets the same result. ``valueUnlessCancelled`` is the same wait,
/// left early when the waiting task is cancelled.
package final class OneShotResult<T: Sendable>: Sendable {
    private struct State: Sendable {
        var result: Result<T, any Error>?
        /// Who waits, by id: nearly always one task, so a list, with no hashing or allocation
        /// for the first.
        var waiters = Waiters()
        var nextWaiter = 0
        /// Waiters cancelled before they registered.
        var cancelled: [Int] = []
    }

    private struct Waiters: Sendable {
        private var first: (id: Int, continuation: UnsafeContinuation<T, any Error>)?
        private var others: [(id: Int, continuation: UnsafeContinuation<T, any Error>)] = []

        mutating func add(_ id: Int, _ continuation: UnsafeContinuation<T, any Error>) {
            if first == nil { first = (id, continuation) } else { others.append((id, continuation)) }
        }

        /// The waiter with `id`, taken out; `nil` if it is not waiting.
        mutating func remove(_ id: Int) -> UnsafeContinuation<T, any Error>? {
            if let waiter = first, waiter.id == id {
                first = nil
                return waiter.continuation
            }
            guard let position = others.firstIndex(where: { $0.id == id }) else { return nil }
            return others.remove(at: position).continuation
        }

        /// Resumes every waiter with `result`.
        func resumeAll(with result: Result<T, any Error>) {
            first?.continuation.resume(with: result)
            for waiter in others { waiter.continuation.resume(with: result) }
        }
    }

    private let state = LockedValue(State())

    package init() {}

    /// Whether the result has arrived.
    package var isResolved: Bool { state.withLock { $0.result != nil } }

    /// Settles the result unless it is settled already; returns whether this call settled it.
    @discardableResult
    package func resolve(_ result: Result<T, any Error>) -> Bool {
        let waiters = state.withLock { state -> Waiters? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiters = Waiters() }
            return state.waiters
        }
        guard let waiters else { return false }
        waiters.resumeAll(with: result)
        return true
    }

    /// Waits for the resolution. Not cancellable: a running body cannot be interrupted.
    package var value: T {
        get async throws { try await wait(id: nil) }
    }

    /// Waits for the resolution, or throws `CancellationError` as soon as the waiting task is
    /// cancelled; the result itself is unaffected.
    package var valueUnlessCancelled: T {
        get async throws {
            let id = state.withLock { state in
                defer { state.nextWaiter += 1 }
                return state.nextWaiter
            }
            return try await withTaskCancellationHandler {
                try await wait(id: id)
            } onCancel: {
                let waiter = state.withLock { state -> UnsafeContinuation<T, any Error>? in
                    guard let waiter = state.waiters.remove(id) else {
                        state.cancelled.append(id)
                        return nil
                    }
                    return waiter
                }
                waiter?.resume(throwing: CancellationError())
            }
        }
    }

    private func wait(id: Int?) async throws -> T {
        try await withUnsafeThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<T, any Error>? in
                if let result = state.result { return result }
                if let id, let position = state.cancelled.firstIndex(of: id) {
                    state.cancelled.remove(at: position)
                    return .failure(CancellationError())
                }
                let key =
                    id
                    ?? {
                        defer { state.nextWaiter += 1 }
                        return state.nextWaiter
                    }()
                state.waiters.add(key, continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}
