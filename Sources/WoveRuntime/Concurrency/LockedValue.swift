#if canImport(Glibc)
    package import Glibc
#elseif canImport(Musl)
    package import Musl
#elseif canImport(Darwin)
    package import Darwin
#endif

/// A value guarded by a pthread mutex, both in one heap allocation: the lock used throughout
/// Wove, in the spirit of swift-nio's `NIOLockedValueBox`.
///
/// `withLock` has the shape of `Synchronization.Mutex`'s, but ThreadSanitizer sees this lock
/// (see ``PThreadMutex``), so the accesses it guards are checked rather than reported.
///
/// A copy shares the value and its lock: they live in one object.
package struct LockedValue<Value: Sendable>: @unchecked Sendable {
    // Safe to share: the storage's value is read and written only inside `withLock`, with the
    // mutex held, so every access is ordered by the mutex; and `Value` is itself `Sendable`.
    // (`ManagedBuffer` is never `Sendable`, hence the unchecked conformance here.)
    @usableFromInline let storage: Storage

    /// The value (the buffer's header) and its mutex (the one element), at addresses that stay
    /// put for the object's lifetime.
    @usableFromInline final class Storage: ManagedBuffer<Value, pthread_mutex_t> {
        static func make(_ value: Value) -> Storage {
            let storage = unsafeDowncast(create(minimumCapacity: 1) { _ in value }, to: Storage.self)
            storage.withUnsafeMutablePointerToElements { PThreadMutex.initialize($0) }
            return storage
        }

        deinit { withUnsafeMutablePointerToElements { _ = pthread_mutex_destroy($0) } }
    }

    /// `value`, guarded from now on.
    package init(_ value: Value) { storage = Storage.make(value) }

    /// Runs `body` with the value, the mutex held. Inlinable, so that other modules' calls are
    /// specialized for their value and closure.
    @inlinable
    package func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        try storage.withUnsafeMutablePointers { value, mutex throws(E) -> R in
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body(&value.pointee)
        }
    }
}
