import Foundation

/// Process-wide threads for synchronous task bodies, kept off Swift's cooperative pool.
///
/// The pool grows a thread whenever a job arrives and no idle thread is free,
/// and a thread retires after ``idleTimeout`` without work, so an idle process
/// holds no Wove threads. Each weave bounds its own use through a
/// ``BlockingLane``; the pool itself never queues work behind busy threads.
final class BlockingPool: @unchecked Sendable {
    // Safe to share: every stored property below is read and written only while
    // `condition` is locked.
    static let shared = BlockingPool()

    /// How long an idle thread waits for work before it exits.
    static let idleTimeout: TimeInterval = 10

    private let condition = NSCondition()
    private var queue = JobQueue<@Sendable () -> Void>()
    private var idleThreads = 0

    /// Runs `job` on a pool thread, starting one if none is idle.
    func execute(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        if idleThreads > queue.count {
            queue.append(job)
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
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: Self.idleTimeout)
        while queue.isEmpty {
            idleThreads += 1
            let signalled = condition.wait(until: deadline)
            idleThreads -= 1
            if !signalled, queue.isEmpty { return nil }
        }
        return queue.popFirst()
    }
}
