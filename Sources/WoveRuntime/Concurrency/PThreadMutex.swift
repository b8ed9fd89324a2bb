#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `pthread_mutex_t` with a condition variable, both in one heap allocation: the primitive
/// under the blocking pool and the threads Wove keeps.
///
/// Why not `Synchronization.Mutex`: on Linux it is built on raw futex calls that
/// ThreadSanitizer does not model, so every access it guards is reported as a race, which hides
/// the real ones. TSan intercepts the pthread calls, so what this lock guards is checked.
///
/// A copy is the same lock: the primitives live in one shared object.
struct PThreadMutex: @unchecked Sendable {
    // Safe to share: the primitives are only touched through the thread-safe pthread calls.
    // (`ManagedBuffer` is never `Sendable`, hence the unchecked conformance here.)
    private let storage = Storage.make()

    /// The condition (the buffer's header) and the mutex (its one element), at addresses that
    /// stay put for the object's lifetime.
    private final class Storage: ManagedBuffer<pthread_cond_t, pthread_mutex_t> {
        static func make() -> Storage {
            let storage = unsafeDowncast(
                create(minimumCapacity: 1) { _ in pthread_cond_t() }, to: Storage.self)
            storage.withUnsafeMutablePointers { condition, mutex in
                PThreadMutex.initialize(mutex)
                pthread_cond_init(condition, nil)
            }
            return storage
        }

        deinit {
            withUnsafeMutablePointers { condition, mutex in
                pthread_cond_destroy(condition)
                pthread_mutex_destroy(mutex)
            }
        }
    }

    /// Initializes the mutex at `mutex`, as every lock in Wove is made.
    static func initialize(_ mutex: UnsafeMutablePointer<pthread_mutex_t>) {
        #if canImport(Glibc)
            pthread_mutex_init(mutex, adaptive.attributes)
        #else
            pthread_mutex_init(mutex, nil)
        #endif
    }

    #if canImport(Glibc)
        /// The attributes of every Wove mutex, made once: adaptive, so a thread that finds the
        /// mutex held spins briefly before it sleeps. Every section a Wove lock guards is a few
        /// instructions, so a contended lock is released within the spin, and a futex sleep and
        /// wake-up would cost far more than the wait.
        private static let adaptive = MutexAttributes()

        private final class MutexAttributes: @unchecked Sendable {
            // Safe to share: set up once, in `init`, and only read after (by pthread_mutex_init).
            let attributes = UnsafeMutablePointer<pthread_mutexattr_t>.allocate(capacity: 1)

            init() {
                pthread_mutexattr_init(attributes)
                pthread_mutexattr_settype(attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
            }
        }
    #endif

    /// Takes the mutex; the caller must ``unlock()`` it.
    func lock() { storage.withUnsafeMutablePointerToElements { _ = pthread_mutex_lock($0) } }

    /// Releases the mutex.
    func unlock() { storage.withUnsafeMutablePointerToElements { _ = pthread_mutex_unlock($0) } }

    /// Runs `body` with the mutex held.
    @inline(__always)
    func withLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        try storage.withUnsafeMutablePointerToElements { mutex throws(E) -> R in
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body()
        }
    }

    /// Waits on the condition, releasing the mutex meanwhile; call with the mutex held. Returns
    /// `false` once `deadline` (on the realtime clock) has passed. May wake spuriously.
    func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        return storage.withUnsafeMutablePointers { condition, mutex in
            pthread_cond_timedwait(condition, mutex, &deadline) != ETIMEDOUT
        }
    }

    /// Waits on the condition, releasing the mutex meanwhile; call with the mutex held. May wake
    /// spuriously.
    func wait() { storage.withUnsafeMutablePointers { _ = pthread_cond_wait($0, $1) } }

    /// Wakes one thread waiting on the condition.
    func signal() { storage.withUnsafeMutablePointerToHeader { _ = pthread_cond_signal($0) } }

    /// Wakes every thread waiting on the condition.
    func broadcast() { storage.withUnsafeMutablePointerToHeader { _ = pthread_cond_broadcast($0) } }

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
