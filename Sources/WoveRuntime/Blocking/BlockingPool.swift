import Foundation
import Synchronization

/// Process-wide threads for synchronous task bodies, kept off Swift's cooperative pool.
///
/// The pool grows a thread whenever a job arrives and no idle thread is free,
/// and a thread retires after ``idleTimeout`` without work, so an idle process
/// holds no Wove threads. Each weave bounds its own use through a
/// ``BlockingLane``; the pool itself never queues work behind busy threads.
///
/// A thread that runs out of work first spins for ``spinLimit``, yielding the
/// core on every turn, before it parks: a chain of short synchronous tasks
/// then finds a warm thread instead of paying a futex wake-up per task.
final class BlockingPool: @unchecked Sendable {
    // Safe to share: `queue` and `idleThreads` are read and written only while
    // `condition` is locked; `queuedJobs` is atomic and mirrors `queue.count`
    // for lock-free polling while spinning.
    static let shared = BlockingPool()

    /// How long an idle thread waits for work before it exits.
    static let idleTimeout: TimeInterval = 10
    /// How long an idle thread polls for work before it parks.
    static let spinLimit = Duration.microseconds(50)

    private let condition = NSCondition()
    private var queue = JobQueue<@Sendable () -> Void>()
    private var idleThreads = 0
    private let queuedJobs = Atomic<Int>(0)

    /// Runs `job` on a pool thread, starting one if none is idle.
    func execute(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        if idleThreads > queue.count {
            queue.append(job)
            queuedJobs.store(queue.count, ordering: .releasing)
            condition.signal()
            condition.unlock()
            return
        }
        condition.unlock()
        let thread = Thread { [self] in self.work(startingWith: job) }
        thread.name = "wove.blocking"
        thread.start()
    }

    private func work(startingWith first: @escaping @Sendable () -> Void) {
        var job = first
        while true {
            job()
            guard let next = nextJob() else { return }
            job = next
        }
    }

    /// Waits for the next job; `nil` once the thread has been idle for ``idleTimeout``.
    private func nextJob() -> (@Sendable () -> Void)? {
        condition.lock()
        idleThreads += 1
        if queue.isEmpty {
            condition.unlock()
            spinUntilWorkArrives()
            condition.lock()
        }
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: Self.idleTimeout)
        while queue.isEmpty {
            if !condition.wait(until: deadline), queue.isEmpty {
                idleThreads -= 1
                return nil
            }
        }
        idleThreads -= 1
        let job = queue.popFirst()
        queuedJobs.store(queue.count, ordering: .releasing)
        return job
    }

    /// Polls for queued work for up to ``spinLimit``, yielding the core between polls.
    private func spinUntilWorkArrives() {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.spinLimit)
        while queuedJobs.load(ordering: .acquiring) == 0 {
            if clock.now >= deadline { return }
            sched_yield()
        }
    }
}
