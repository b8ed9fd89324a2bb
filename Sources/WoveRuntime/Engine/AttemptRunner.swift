/// One unit of work: an async body, or a blocking body for the weave's ``BlockingLane``.
package enum Work<T: Sendable>: Sendable {
    case async(@Sendable () async throws -> T)
    case blocking(@Sendable () throws -> T)
}

/// How a task's attempts are run: how many, how far apart, how long each may take.
package struct AttemptPolicy: Sendable {
    package var retries = 0
    package var backoff = RetryBackoff.immediate
    package var timeout: Duration?
    /// Paces every attempt of a mapped task's items, when it has a limit per minute.
    package var pacer: LaunchPacer?
    package var taskName: String
    package var location: SourceLocation
    /// The environment the task runs in, as events name it.
    package var environment = "local"
    /// Whether the weave's observers hear of every attempt.
    package var isObserved = false
    /// Whether attempts send runs to another process, whose events must name the attempt.
    package var sendsRuns = false

    package init(taskName: String, location: SourceLocation) {
        self.taskName = taskName
        self.location = location
    }

    /// Whether attempts need neither the clock (timeouts, pacing, backoff) nor an observer, so
    /// they can be made and retried inline on whatever thread runs them.
    var runsInline: Bool { timeout == nil && pacer == nil && backoff == .immediate && !isObserved }

    /// Whether attempts need more than a direct call.
    var isPlain: Bool { retries == 0 && runsInline }
}

/// Runs work under an ``AttemptPolicy``: pacing, per-attempt timeouts, retries with backoff.
package enum AttemptRunner {
    /// Runs `work` (the body of a task, or of item `item` of a mapped task) in `run` until an
    /// attempt succeeds or retries run out; the last error is thrown.
    ///
    /// Cancellation of the weave ends the retries at once, and so does an error that says
    /// retrying cannot help (a remote error with `retryable` false).
    package static func run<T: Sendable>(
        _ work: Work<T>,
        policy: AttemptPolicy,
        item: Int? = nil,
        in run: WeaveRun
    ) async throws -> T {
        if policy.isPlain { return try await once(work, lane: run.lane) }
        return try await attempts(work, policy: policy, item: item, in: run)
    }

    /// The attempts of work that needs more than one direct call. Kept out of ``run(_:policy:item:in:)``
    /// so that the plain path's async frame stays small: a mapped task runs one per item, each in a
    /// child task whose first allocation must hold it.
    @inline(never)
    private static func attempts<T: Sendable>(
        _ work: Work<T>,
        policy: AttemptPolicy,
        item: Int?,
        in run: WeaveRun
    ) async throws -> T {
        let observation = policy.isObserved ? run.observation : nil
        var attempt = 1
        while true {
            let start = MonotonicTime.now
            let observed = observation.map {
                ObservedAttempt(
                    observation: $0, task: policy.taskName, environment: policy.environment, attempt: attempt,
                    item: item)
            }
            do {
                try await policy.pacer?.takeSlot()
                let value = try await once(
                    observed?.reporting(work, sendsRuns: policy.sendsRuns) ?? work, attempt: attempt,
                    policy: policy, lane: run.lane,
                    clock: run.clock)
                observed?.span?.end(error: nil)
                return value
            } catch {
                observed?.span?.end(error: error)
                let willRetry = !Task.isCancelled && attempt <= policy.retries && isRetryable(error)
                observed?.emit(
                    .attemptFailed, error: error, willRetry: willRetry, duration: MonotonicTime.now - start)
                if !willRetry { throw error }
                let delay = policy.backoff.delay(beforeRetry: attempt)
                attempt += 1
                if delay > .zero { try await run.clock.sleep(for: delay) }
            }
        }
    }

    /// Whether another attempt could succeed after `error`: a remote error says so itself (a
    /// transport failure may pass, an unknown task never will); any other error may pass.
    static func isRetryable(_ error: any Error) -> Bool {
        (error as? EnvironmentExecutionError)?.payload.retryable ?? true
    }

    private static func once<T: Sendable>(_ work: Work<T>, lane: BlockingLane) async throws -> T {
        switch work {
        case .async(let body): return try await body()
        case .blocking(let body): return try await lane.run(body)
        }
    }

    private static func once<T: Sendable>(
        _ work: Work<T>,
        attempt: Int,
        policy: AttemptPolicy,
        lane: BlockingLane,
        clock: WoveClock
    ) async throws -> T {
        guard let limit = policy.timeout else { return try await once(work, lane: lane) }
        let expired = TaskTimeoutError(
            taskName: policy.taskName, location: policy.location, limit: limit, attempt: attempt)
        switch work {
        case .async(let body):
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await clock.sleep(for: limit)
                    throw expired
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw expired }
                return first
            }
        case .blocking(let body):
            // The thread cannot be interrupted: the timer settles the ticket first
            // and the body's late result is dropped.
            let ticket = lane.submit(body)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await clock.sleep(for: limit)
                    ticket.resolve(.failure(expired))
                }
                defer { group.cancelAll() }
                return try await ticket.value
            }
        }
    }
}
