/// One weave's share of the ``BlockingPool``: at most `limit` of its jobs run at once.
///
/// Jobs beyond the limit wait in the lane; the pool starts them as slots free up, taking turns
/// with other lanes when the process-wide thread cap is reached. Once the weave is cancelled,
/// waiting jobs are answered with `CancellationError` without running. A job whose ticket was
/// settled before it started (its attempt timed out) does not run its body at all.
package final class BlockingLane: Sendable {
    let limit: Int
    let pool: BlockingPool
    let schedule = LaneSchedule()

    /// A lane of the process-wide pool running at most `limit` jobs at once.
    package convenience init(limit: Int) { self.init(limit: limit, pool: .shared) }

    /// A lane of `pool` running at most `limit` jobs at once.
    init(limit: Int, pool: BlockingPool) {
        self.limit = limit
        self.pool = pool
    }

    /// The lane for blocking work started outside any weave (`syncToAsync`): bounded only by
    /// the pool's cap.
    package static let unscoped = BlockingLane(limit: .max)

    /// Runs `body` on a pool thread within this lane's limit and waits for it.
    package func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await submit(body).value
    }

    /// Queues `body` and returns the ticket its result will settle. If something else settles
    /// the ticket first (a timeout), a body that has not started yet never starts.
    func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> OneShotResult<T> {
        let ticket = OneShotResult<T>()
        submit(
            BlockingJob(
                run: {
                    guard !ticket.isResolved else { return }
                    ticket.resolve(Result(catching: body))
                },
                cancel: { ticket.resolve(.failure(CancellationError())) }))
        return ticket
    }

    /// Queues `job`; it runs on a pool thread, or is cancelled if the lane is.
    func submit(_ job: BlockingJob) { pool.submit(job, to: self) }

    /// Returns once no job of this lane runs or waits, including bodies abandoned by a timeout.
    nonisolated(nonsending) func waitUntilIdle() async { await pool.waitUntilIdle(self) }

    /// Answers every waiting job with `CancellationError`, and every later one too.
    func cancelWaitingJobs() { pool.cancelWaitingJobs(of: self) }
}
