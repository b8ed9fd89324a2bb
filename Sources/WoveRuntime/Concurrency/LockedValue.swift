/// A value guarded by a ``PThreadMutex``: the lock used throughout Wove, in the spirit of
/// swift-nio's `NIOLockedValueBox`.
///
/// `withLock` has the shape of `Synchronization.Mutex`'s, but ThreadSanitizer sees this lock
/// (see ``PThreadMutex``), so the accesses it guards are checked rather than reported.
package final class LockedValue<Value: Sendable>: @unchecked Sendable {
    // Safe to share: `value` is read and written only inside `withLock`, with `mutex` held, so
    // every access is ordered by the mutex; and `Value` is itself `Sendable`.
    private let mutex = PThreadMutex()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    @inline(__always)
    package func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        try mutex.withLock { () throws(E) -> R in try body(&value) }
    }
}
