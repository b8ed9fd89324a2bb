/// Starts child processes on one thread of its own, never on Swift's cooperative pool: the
/// stdio executor's workers, and the commands other executors run (a scheduler's `sbatch`).
///
/// Starting a process waits for the child's `exec` (`posix_spawn` returns once it has
/// happened, a millisecond with Foundation's `Process`): a cooperative thread must not spend it.
/// And Foundation gives the thread that starts a `Process` (the scheduler commands use one) a run
/// loop with descriptors of its own, kept until the thread exits, so starting processes on many
/// pool threads would leave descriptors on each: one long-lived thread does all the starting, in
/// order. It is started on the first launch and parks while there is none.
package final class ProcessLauncher: @unchecked Sendable {
    // Safe to share: `jobs` and `threadStarted` are read and written only with `mutex` held.

    /// The launcher every executor of the process uses.
    package static let shared = ProcessLauncher()

    private let mutex = PThreadMutex()
    private var jobs: [@Sendable () -> Void] = []
    private var threadStarted = false

    /// Runs `start` on the launcher's thread, after every launch queued before it, and returns
    /// what it returned.
    package func run<T: Sendable>(_ start: @escaping @Sendable () -> T) async -> T {
        await withUnsafeContinuation { continuation in
            mutex.withLock {
                jobs.append { continuation.resume(returning: start()) }
                if threadStarted {
                    mutex.signal()
                } else {
                    threadStarted = true
                    DetachedThread.start(name: "wove.launcher") { [self] in serve() }
                }
            }
        }
    }

    private func serve() {
        mutex.lock()
        while true {
            while jobs.isEmpty { mutex.wait() }
            let batch = jobs
            jobs.removeAll()
            mutex.unlock()
            for job in batch { job() }
            mutex.lock()
        }
    }
}
