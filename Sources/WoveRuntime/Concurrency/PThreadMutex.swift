#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A heap-allocated `pthread_mutex_t` with an optional condition variable: the primitive under
/// ``LockedValue`` and the blocking pool.
///
/// Why not `Synchronization.Mutex`: on Linux it is built on raw futex calls that
/// ThreadSanitizer does not model, so every access it guards is reported as a race, which hides
/// the real ones. TSan intercepts the pthread calls, so what this lock guards is checked.
final class PThreadMutex: @unchecked Sendable {
    // Safe to share: the mutex and condition live at stable heap addresses for the object's
    // lifetime and are only touched through the thread-safe pthread calls.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        #if canImport(Glibc)
            // Adaptive: a thread that finds the mutex held spins briefly before it sleeps. Every
            // section this guards is a few instructions, so a contended lock is released within
            // the spin, and a futex sleep and wake-up would cost far more than the wait.
            var attributes = pthread_mutexattr_t()
            pthread_mutexattr_init(&attributes)
            pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
            pthread_mutex_init(mutex, &attributes)
            pthread_mutexattr_destroy(&attributes)
        #else
            pthread_mutex_init(mutex, nil)
        #endif
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }

    func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` with the mutex held.
    @inline(__always)
    func withLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits on the condition, releasing the mutex meanwhile; call with the mutex held. Returns
    /// `false` once `deadline` (on the realtime clock) has passed. May wake spuriously.
    func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
    }

    /// Waits on the condition, releasing the mutex meanwhile; call with the mutex held. May wake
    /// spuriously.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes one thread waiting on the condition.
    func signal() { pthread_cond_signal(condition) }

    /// Wakes every thread waiting on the condition.
    func broadcast() { pthread_cond_broadcast(condition) }

    /// The realtime clock `duration` from now, for ``wait(until:)``; at most a year from now.
    static func deadline(after duration: Duration) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let (seconds, attoseconds) = min(max(duration, .zero), .seconds(31_536_000)).components
        let nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        now.tv_sec += Int(seconds) + nanoseconds / 1_000_000_000
        now.tv_nsec = nanoseconds % 1_000_000_000
        return now
    }
}
