import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide threads for synchronous task bodies, kept off Swift's cooperative pool, and
/// capped: at most ``limit`` bodies run at once across every weave of the process.
///
/// Each weave bounds its own use through a ``BlockingLane`` (`maxWorkers`). When the cap is
/// reached, lanes with waiting jobs queue in a ring and take turns: a thread that finishes a
/// job starts the next lane's job, so a weave with a thousand queued bodies cannot starve one
/// with a single body. Threads start on demand and retire after ``idleTimeout`` without work.
///
/// A body that blocks waiting for other Wove work (a synchronous `merge`, or `weaveBlocking`
/// called inside a synchronous task) lends its slot while it waits (``lendingSlot(while:)``), so
/// nested waits cannot deadlock the pool; it takes its slot back when the wait ends, even if
/// that briefly puts the pool over its cap, and no new body starts until it is back under. A
/// body that blocks on something else another body must produce (a semaphore, a lock) holds its
/// slot, and can deadlock once every slot is held that way: use `merge` or async tasks for that.
///
/// A thread that runs out of work first spins for ``spinLimit``, yielding the core on every
/// turn, before it parks: a chain of short synchronous tasks then finds a warm thread instead
/// of paying a futex wake-up per task.
final class BlockingPool: @unchecked Sendable {
    // Safe to share: every stored `var` below, and every lane's `LaneSchedule`, is read and
    // written only with `mutex` held. `handoffCount` and `contended` are atomics that mirror
    // guarded state for lock-free polling; they are written only with `mutex` held.

    /// The pool every weave shares.
    static let shared = BlockingPool(limit: defaultLimit)

    /// The default cap on bodies running at once in the process: the thread count Python wove
    /// gives one weave, so a single weave runs as wide as there, while twenty concurrent weaves
    /// share 256 threads instead of holding 5,120.
    package static let defaultLimit = 256
    /// How long an idle thread waits for work before it exits, in seconds.
    static let idleTimeout = 10
    /// How long an idle thread polls for work before it parks.
    static let spinLimit = Duration.microseconds(50)
    /// How many idle threads may poll at once; the others park at once, leaving the cores to
    /// the work.
    static let maxSpinning = 1

    /// A job given to a thread, with the lane it counts against.
    private struct Assignment {
        let job: BlockingJob
        let lane: BlockingLane
    }

    private let mutex = PThreadMutex()
    private var limit: Int
    /// Bodies holding a slot: running and not lending it.
    private var busy = 0
    /// Threads waiting for a hand-off.
    private var idle = 0
    /// Idle threads polling for a hand-off before they park.
    private var spinning = 0
    /// Assignments made to idle threads, not yet taken.
    private var handoff = JobQueue<Assignment>()
    /// Lanes with a waiting job and a free lane slot, waiting for a pool slot, in turn order.
    private var ring = JobQueue<BlockingLane>()
    private let handoffCount = Atomic<Int>(0)
    private let contended = Atomic<Bool>(false)

    init(limit: Int) { self.limit = limit }

    /// The cap on bodies running at once.
    var currentLimit: Int { mutex.withLock { limit } }

    /// Changes the cap; a lower cap takes effect as running bodies finish.
    func setLimit(_ newLimit: Int) {
        mutex.lock()
        limit = newLimit
        let starts = startWhatFits()
        mutex.unlock()
        spawn(starts)
    }

    /// Whether some lane waits for a slot: long-running drains then hand their thread over.
    var hasWaitingLanes: Bool { contended.load(ordering: .relaxed) }

    func submit(_ job: BlockingJob, to lane: BlockingLane) {
        let schedule = lane.schedule
        mutex.lock()
        if schedule.isCancelled {
            mutex.unlock()
            job.cancel()
            return
        }
        var starts: [Assignment] = []
        if busy < limit, schedule.running < lane.limit {
            count(lane)
            if let unassigned = handOff(Assignment(job: job, lane: lane)) { starts.append(unassigned) }
        } else {
            schedule.waiting.append(job)
            enterRing(lane)
        }
        mutex.unlock()
        spawn(starts)
    }

    func waitUntilIdle(_ lane: BlockingLane) async {
        await withUnsafeContinuation { continuation in
            let idle = mutex.withLock { () -> Bool in
                if lane.schedule.isIdle { return true }
                lane.schedule.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    func cancelWaitingJobs(of lane: BlockingLane) {
        let schedule = lane.schedule
        let (dropped, waiters) = mutex.withLock { () -> ([BlockingJob], [UnsafeContinuation<Void, Never>]) in
            schedule.isCancelled = true
            let dropped = schedule.waiting.removeAll()
            return (dropped, schedule.live == 0 ? takeIdleWaiters(schedule) : [])
        }
        for job in dropped { job.cancel() }
        for waiter in waiters { waiter.resume() }
    }

    /// Runs `wait` with the calling pool thread's slot (in its pool and in its lane) given up,
    /// then takes the slot back. On any other thread it just runs `wait`.
    static func lendingSlot<T>(while wait: () throws -> T) rethrows -> T {
        guard let lane = CurrentLane.lane else { return try wait() }
        return try lane.pool.lendSlot(of: lane, while: wait)
    }

    private func lendSlot<T>(of lane: BlockingLane, while wait: () throws -> T) rethrows -> T {
        mutex.lock()
        busy -= 1
        lane.schedule.running -= 1
        enterRing(lane)
        let starts = startWhatFits()
        mutex.unlock()
        spawn(starts)
        defer {
            mutex.withLock {
                busy += 1
                lane.schedule.running += 1
            }
        }
        return try wait()
    }

    // MARK: - Scheduling (call with `mutex` held)

    /// Counts a job of `lane` as running.
    private func count(_ lane: BlockingLane) {
        busy += 1
        lane.schedule.running += 1
        lane.schedule.live += 1
    }

    /// Hands a counted `assignment` to an idle thread; returns it instead when a new thread
    /// must start it.
    private func handOff(_ assignment: Assignment) -> Assignment? {
        guard idle > handoff.count else { return assignment }
        handoff.append(assignment)
        handoffCount.store(handoff.count, ordering: .releasing)
        mutex.signal()
        return nil
    }

    /// Puts `lane` in the ring if it has a waiting job, a free lane slot and is not there yet.
    private func enterRing(_ lane: BlockingLane) {
        let schedule = lane.schedule
        guard !schedule.inRing, !schedule.waiting.isEmpty, schedule.running < lane.limit else { return }
        schedule.inRing = true
        ring.append(lane)
        contended.store(true, ordering: .relaxed)
    }

    /// The next waiting job in turn, counted as running; `nil` when the pool is full or nothing
    /// waits. Its lane goes to the back of the ring if it has more.
    private func takeTurn() -> Assignment? {
        defer { contended.store(!ring.isEmpty, ordering: .relaxed) }
        while busy < limit, let lane = ring.popFirst() {
            let schedule = lane.schedule
            schedule.inRing = false
            guard schedule.running < lane.limit, let job = schedule.waiting.popFirst() else { continue }
            count(lane)
            enterRing(lane)
            return Assignment(job: job, lane: lane)
        }
        return nil
    }

    /// Starts waiting jobs while there is room: hands them to idle threads, and returns those
    /// that need a new thread.
    private func startWhatFits() -> [Assignment] {
        var starts: [Assignment] = []
        while let next = takeTurn() {
            if let unassigned = handOff(next) { starts.append(unassigned) }
        }
        return starts
    }

    /// Records that a job of `lane` returned; returns the callers waiting for it to go idle.
    private func finish(_ lane: BlockingLane) -> [UnsafeContinuation<Void, Never>] {
        let schedule = lane.schedule
        busy -= 1
        schedule.running -= 1
        schedule.live -= 1
        enterRing(lane)
        return schedule.isIdle ? takeIdleWaiters(schedule) : []
    }

    private func takeIdleWaiters(_ schedule: LaneSchedule) -> [UnsafeContinuation<Void, Never>] {
        defer { schedule.idleWaiters.removeAll() }
        return schedule.idleWaiters
    }

    // MARK: - Threads

    private func spawn(_ assignments: [Assignment]) {
        for assignment in assignments {
            Thread.detachNewThread { [self] in
                ThreadName.set("wove.blocking")
                self.work(startingWith: assignment)
            }
        }
    }

    private func work(startingWith first: Assignment) {
        var assignment = first
        while true {
            CurrentLane.run(assignment.lane, assignment.job.run)
            mutex.lock()
            let waiters = finish(assignment.lane)
            let next = takeTurn()
            mutex.unlock()
            for waiter in waiters { waiter.resume() }
            if let next {
                assignment = next
            } else if let handedOff = waitForHandoff() {
                assignment = handedOff
            } else {
                return
            }
        }
    }

    /// Waits for a hand-off; `nil` once the thread has been idle for ``idleTimeout``.
    private func waitForHandoff() -> Assignment? {
        mutex.lock()
        idle += 1
        if handoff.isEmpty, spinning < Self.maxSpinning {
            spinning += 1
            mutex.unlock()
            spinUntilHandoff()
            mutex.lock()
            spinning -= 1
        }
        defer { mutex.unlock() }
        let deadline = PThreadMutex.deadline(secondsFromNow: Self.idleTimeout)
        while handoff.isEmpty {
            if !mutex.wait(until: deadline), handoff.isEmpty {
                idle -= 1
                return nil
            }
        }
        idle -= 1
        let assignment = handoff.popFirst()
        handoffCount.store(handoff.count, ordering: .releasing)
        return assignment
    }

    /// Polls for a hand-off for up to ``spinLimit``, yielding the core between polls.
    private func spinUntilHandoff() {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.spinLimit)
        while handoffCount.load(ordering: .acquiring) == 0 {
            if clock.now >= deadline { return }
            sched_yield()
        }
    }
}
