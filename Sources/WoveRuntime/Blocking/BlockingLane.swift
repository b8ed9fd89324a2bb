import Synchronization

/// One weave's share of the ``BlockingPool``: at most `limit` of its jobs run at once.
///
/// Jobs beyond the limit wait in the lane, and a thread that finishes a job
/// takes the lane's next one without a hand-off. Once the weave is cancelled,
/// waiting jobs are answered with `CancellationError` without running.
package final class BlockingLane: Sendable {
    struct Job: Sendable {
        let run: @Sendable () -> Void
        let cancel: @Sendable () -> Void
    }

    private struct State {
        var running = 0
        var waiting = JobQueue<Job>()
        var isCancelled = false
        var idleWaiters: [UnsafeContinuation<Void, Never>] = []
    }

    let limit: Int
    private let state = Mutex(State())

    package init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` on a pool thread within this lane's limit and waits for it.
    package func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await submit(body).value
    }

    /// Queues `body` and returns the ticket its result will settle.
    func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> OneShotResult<T> {
        let ticket = OneShotResult<T>()
        submit(
            Job(
                run: { ticket.resolve(Result(catching: body)) },
                cancel: { ticket.resolve(.failure(CancellationError())) }
            ))
        return ticket
    }

    /// Returns once no job of this lane runs, including bodies abandoned by a timeout.
    func waitUntilIdle() async {
        await withUnsafeContinuation { continuation in
            let idle = state.withLock { state -> Bool in
                if state.running == 0 { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    /// Answers every waiting job with `CancellationError`, and every later one too.
    func cancelWaitingJobs() {
        let dropped = state.withLock { state in
            state.isCancelled = true
            return state.waiting.removeAll()
        }
        for job in dropped { job.cancel() }
    }

    private func submit(_ job: Job) {
        enum Decision { case start, wait, refuse }
        let decision = state.withLock { state -> Decision in
            if state.isCancelled { return .refuse }
            if state.running < limit {
                state.running += 1
                return .start
            }
            state.waiting.append(job)
            return .wait
        }
        switch decision {
        case .start: BlockingPool.shared.execute { [self] in self.drain(startingWith: job) }
        case .wait: break
        case .refuse: job.cancel()
        }
    }

    /// Runs `job`, then the lane's waiting jobs on the same thread until none is left.
    private func drain(startingWith job: Job) {
        var current = job
        while true {
            current.run()
            let (next, idleWaiters) = state.withLock { state -> (Job?, [UnsafeContinuation<Void, Never>]) in
                if let next = state.waiting.popFirst() { return (next, []) }
                state.running -= 1
                guard state.running == 0 else { return (nil, []) }
                defer { state.idleWaiters.removeAll() }
                return (nil, state.idleWaiters)
            }
            for waiter in idleWaiters { waiter.resume() }
            guard let next else { return }
            current = next
        }
    }
}
