import Dispatch

/// Bridges a synchronous caller to an async operation by blocking the caller's thread.
package enum BlockingWait {
    /// Throws if the current thread runs a Swift task, where blocking could deadlock the cooperative pool.
    package static func refuseInAsyncContext(_ function: String) throws(WeaveError) {
        let inTask = withUnsafeCurrentTask { $0 != nil }
        guard inTask else { return }
        throw WeaveError(
            .blockingCallInAsyncContext,
            "\(function) was called from async code, where blocking a cooperative-pool thread can "
                + "deadlock. Use `try await weave(...)` there instead.")
    }

    /// Runs `operation` as a detached task and blocks until it finishes. On a blocking-pool
    /// thread, the body's slot is lent out meanwhile, so the work it waits for can use it.
    package static func wait<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) throws -> T {
        let outcome = LockedValue<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        BlockingPool.lendingSlot { done.wait() }
        return try outcome.withLock { $0 }.unwrapOrThrow()
    }
}

extension Optional {
    /// The wrapped result's value; only called once the semaphore proved it was set.
    fileprivate func unwrapOrThrow<T>() throws -> T where Wrapped == Result<T, any Error> {
        guard let self else { throw CancellationError() }
        return try self.get()
    }
}
