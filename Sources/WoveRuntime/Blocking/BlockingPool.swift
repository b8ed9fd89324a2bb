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
/// Started jobs wait in one ready queue that every thread takes from, so a thread that finishes
/// a job goes straight on to the next, and a burst of short jobs is drained by the threads
/// already awake instead of waking one thread per job. A submit wakes a thread only when no
/// thread is spinning or already being woken; a thread that takes a job and leaves more behind
/// wakes the next one, so jobs that block still each get a thread, one wake-up after another.
/// A thread that runs out of work first spins for ``spinLimit`` (one thread at a time), yielding
/// the core on every turn, before it parks.
final class BlockingPool: @unchecked Sendable {
    // Safe to share: every stored `var` below, and every lane's `LaneSchedule`, is read and
    // written only with `mutex` held. `readyCount` and `contended` are atomics that mirror
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

    /// A started job, with the lane it counts against.
    private struct Assignment {
        let job: BlockingJob
        let lane: BlockingLane
    }

    private let mutex = PThreadMutex()
    private var limit: Int
    /// Bodies holding a slot: started (running or ready) and not lending it.
    private var busy = 0
    /// Started jobs no thread has taken yet.
    private var ready = JobQueue<Assignment>()
    /// Threads woken or started to take a ready job that have not looked yet.
    private var waking = 0
    /// Idle threads polling `ready` before they park.
    private var spinning = 0
    /// Parked threads, and the wake-ups granted to them and not yet taken.
    private var parked = 0
    private var permits = 0
    /// Threads alive, and those among them lending their slot: the pool starts a thread only
    /// while fewer than ``limit`` are alive besides the lenders.
    private var threads = 0
    private var lending = 0
    /// Lanes with a waiting job and a free lane slot, waiting for a pool slot, in turn order.
    private var ring = JobQueue<BlockingLane>()
    private let readyCount = Atomic<Int>(0)
    private let contended = Atomic<Bool>(false)

    init(limit: Int) { self.limit = limit }

    /// The cap on bodies running at once.
    var currentLimit: Int { mutex.withLock { limit } }

    /// Changes the cap; a lower cap takes effect as running bodies finish.
    func setLimit(_ newLimit: Int) {
        mutex.lock()
        limit = newLimit
        startWhatFits()
        let spawns = wakeIfUnattended()
        mutex.unlock()
        spawn(spawns)
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
        var spawns = 0
        if busy < limit, schedule.running < lane.limit {
            count(lane)
            makeReady(Assignment(job: job, lane: lane))
            spawns = wakeIfUnattended()
        } else {
            schedule.waiting.append(job)
            enterRing(lane)
        }
        mutex.unlock()
        spawn(spawns)
    }

    nonisolated(nonsending) func waitUntilIdle(_ lane: BlockingLane) async {
        // Most weaves' lanes are idle by now (all of an `async` graph's are): checked first, so
        // that they make no continuation.
        if mutex.withLock({ lane.schedule.isIdle }) { return }
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
        lending += 1
        lane.schedule.running -= 1
        enterRing(lane)
        startWhatFits()
        let spawns = wakeIfUnattended()
        mutex.unlock()
        spawn(spawns)
        defer {
            mutex.withLock {
                busy += 1
                lending -= 1
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

    /// Queues a counted `assignment` for the next thread that looks.
    private func makeReady(_ assignment: Assignment) {
        ready.append(assignment)
        readyCount.store(ready.count, ordering: .releasing)
    }

    /// Wakes a parked thread, or asks for a new one, when ready jobs have nobody to take them:
    /// no thread spins and none is being woken. Returns how many threads to start.
    private func wakeIfUnattended() -> Int {
        guard !ready.isEmpty, spinning == 0, waking == 0 else { return 0 }
        return wake()
    }

    /// Wakes a parked thread, or asks for a new one if the cap allows; at the cap, every thread
    /// not lending its slot is running, spinning or being woken, so one of them takes the job.
    private func wake() -> Int {
        if parked > permits {
            waking += 1
            permits += 1
            mutex.signal()
            return 0
        }
        guard threads - lending < limit else { return 0 }
        waking += 1
        threads += 1
        return 1
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

    /// Starts waiting jobs while there is room: they join the ready queue.
    private func startWhatFits() {
        while let next = takeTurn() { makeReady(next) }
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

    private func spawn(_ count: Int) {
        for _ in 0..<count {
            DetachedThread.start(name: "wove.blocking") { [self] in work() }
        }
    }

    /// A pool thread: it takes ready jobs until there are none, spins, parks, and exits after
    /// ``idleTimeout`` without work.
    private func work() {
        mutex.lock()
        waking -= 1
        while true {
            if let assignment = ready.popFirst() {
                readyCount.store(ready.count, ordering: .releasing)
                // Jobs left behind get a thread of their own, one wake-up at a time.
                let spawns = ready.isEmpty ? 0 : wakeIfUnattended()
                mutex.unlock()
                spawn(spawns)
                CurrentLane.run(assignment.lane, assignment.job.run)
                mutex.lock()
                let waiters = finish(assignment.lane)
                startWhatFits()
                if !waiters.isEmpty {
                    mutex.unlock()
                    for waiter in waiters { waiter.resume() }
                    mutex.lock()
                }
                continue
            }
            if waitForWork() { continue }
            if permits > 0 {
                permits -= 1
                waking -= 1
            } else {
                threads -= 1
                mutex.unlock()
                return
            }
        }
    }

    /// With `mutex` held: spins (one thread at a time) and then parks until a job is ready or
    /// this thread is woken. Returns `true` if it found a ready job while spinning, `false` if
    /// it was woken (a permit is waiting) or timed out (no permit).
    private func waitForWork() -> Bool {
        if spinning == 0 {
            spinning += 1
            mutex.unlock()
            spinUntilReady()
            mutex.lock()
            spinning -= 1
            if !ready.isEmpty { return true }
        }
        parked += 1
        defer { parked -= 1 }
        let deadline = PThreadMutex.deadline(after: .seconds(Self.idleTimeout))
        while permits == 0 {
            if !mutex.wait(until: deadline), permits == 0 { return false }
        }
        return false
    }

    /// Polls for a ready job for up to ``spinLimit``, yielding the core between polls.
    private func spinUntilReady() {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.spinLimit)
        while readyCount.load(ordering: .acquiring) == 0 {
            if clock.now >= deadline { return }
            sched_yield()
        }
    }
}
