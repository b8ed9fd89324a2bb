/// A lane's scheduling state inside the ``BlockingPool``: what waits, what runs, who waits for
/// it to go idle.
final class LaneSchedule: @unchecked Sendable {
    // Safe to share: every stored property is read and written only by `BlockingPool`, while it
    // holds its one lock (all access is in BlockingPool.swift, under `mutex.withLock` or between
    // `mutex.lock()` and `mutex.unlock()`). That lock makes every access exclusive, so the
    // runtime's exclusivity checks are skipped (`@exclusivity(unchecked)`).

    /// Jobs not started yet, in submission order.
    @exclusivity(unchecked) var waiting = JobQueue<BlockingJob>()
    /// Jobs holding one of the lane's slots: running, and not lending their slot.
    @exclusivity(unchecked) var running = 0
    /// Jobs started and not yet returned, including those lending their slot or abandoned by a
    /// timeout; the lane is idle when this is 0 and nothing waits.
    @exclusivity(unchecked) var live = 0
    /// Whether the lane is in the pool's ring of lanes waiting for a thread.
    @exclusivity(unchecked) var inRing = false
    /// Set by `cancelWaitingJobs`: later jobs are refused.
    @exclusivity(unchecked) var isCancelled = false
    /// Callers of `waitUntilIdle`.
    @exclusivity(unchecked) var idleWaiters: [UnsafeContinuation<Void, Never>] = []

    var isIdle: Bool { live == 0 && waiting.isEmpty }
}

/// One unit of blocking work: what to run, and what to do instead if it never runs.
struct BlockingJob: Sendable {
    let run: @Sendable () -> Void
    let cancel: @Sendable () -> Void
}
