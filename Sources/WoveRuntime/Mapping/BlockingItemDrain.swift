import Synchronization

/// The fast path for synchronous mapped items without timeouts or pacing: a few blocking-pool
/// jobs each take item after item from a shared cursor, so an item costs no thread hand-off.
///
/// The first failing item stops the others from taking more; cancellation does too. A job that
/// has drained for a while hands its thread over when other lanes wait for the pool (it queues
/// itself again behind them), so a long map shares the process-wide cap fairly. The run
/// returns only once every job has returned, so no item runs after it, and a failed run has
/// released the results its items made.
enum BlockingItemDrain {
    /// How long a job drains before it checks whether other lanes wait for its thread.
    static let turn = Duration.milliseconds(1)

    static func run<Output: Sendable>(
        count: Int,
        workers: Int,
        retries: Int,
        body: @escaping @Sendable (Int) throws -> Output,
        in run: WeaveRun
    ) async throws -> [Output] {
        let drain = Drain(count: count, retries: retries, body: body, run: run)
        drain.start(jobs: min(workers, count, run.lane.limit))
        await withTaskCancellationHandler {
            _ = try? await drain.finished.value
        } onCancel: {
            drain.stop(with: CancellationError())
        }
        // Emptied here, not in the drain's `deinit`: the last job's thread may hold the drain a
        // while after the run has returned.
        return try drain.items.slots.results(after: drain.firstError)
    }

    private final class Drain<Output: Sendable>: Sendable {
        private struct State: Sendable {
            var activeJobs = 0
            var firstError: (any Error)?
        }

        let items: ItemCursor<Output>
        /// Settled once the last job has returned.
        let finished = OneShotResult<Void>()
        private let retries: Int
        private let body: @Sendable (Int) throws -> Output
        private let run: WeaveRun
        private let stopped = Atomic<Bool>(false)
        private let state = LockedValue(State())

        init(count: Int, retries: Int, body: @escaping @Sendable (Int) throws -> Output, run: WeaveRun) {
            self.retries = retries
            self.body = body
            self.run = run
            items = ItemCursor(count: count)
        }

        var firstError: (any Error)? { state.withLock { $0.firstError } }

        func start(jobs: Int) {
            state.withLock { $0.activeJobs = jobs }
            for _ in 0..<jobs { submitJob() }
        }

        /// Stops every job after its current item; `error` becomes the run's error if it is the first.
        func stop(with error: any Error) {
            state.withLock { $0.firstError = $0.firstError ?? error }
            stopped.store(true, ordering: .releasing)
        }

        private func submitJob() {
            run.lane.submit(
                BlockingJob(
                    run: { self.run.bindToThread { self.drain() } },
                    cancel: { self.jobEnded(failing: CancellationError()) }))
        }

        private func drain() {
            let clock = ContinuousClock()
            let started = clock.now
            while !stopped.load(ordering: .acquiring) {
                if run.lane.pool.hasWaitingLanes, clock.now - started >= BlockingItemDrain.turn {
                    // Still counted as active: the job continues once its turn comes again.
                    submitJob()
                    return
                }
                guard let index = items.next() else { break }
                var attempt = 0
                while true {
                    do {
                        items.slots.store(try body(index), at: index)
                        break
                    } catch {
                        attempt += 1
                        if attempt > retries || stopped.load(ordering: .acquiring) {
                            return jobEnded(failing: error)
                        }
                    }
                }
            }
            jobEnded(failing: nil)
        }

        private func jobEnded(failing error: (any Error)?) {
            if let error { stop(with: error) }
            let last = state.withLock { state in
                state.activeJobs -= 1
                return state.activeJobs == 0
            }
            if last { finished.resolve(.success(())) }
        }
    }
}
