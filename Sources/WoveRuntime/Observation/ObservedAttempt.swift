/// The attempt whose body is running, while a weave is observed: what the remote events of the
/// runs it sends are about.
package struct ObservedAttempt: Sendable {
    let observation: WeaveObservation
    let task: String
    let environment: String
    let attempt: Int
    let item: Int?
    /// The attempt's span, when the weave is traced.
    let span: (any WeaveSpan)?

    /// Attempt `attempt` of `task` (of its item `item`), starting its span if the weave is traced.
    init(observation: WeaveObservation, task: String, environment: String, attempt: Int, item: Int?) {
        self.observation = observation
        self.task = task
        self.environment = environment
        self.attempt = attempt
        self.item = item
        span = observation.span?.startAttemptSpan(
            observation.stamped(
                WeaveEvent(
                    .attemptStarted, task: task, environment: environment, attempt: attempt, item: item)))
    }

    /// The attempt running on this task, if it is observed.
    @TaskLocal static var current: ObservedAttempt?

    /// Tells the weave's observers of an event of this attempt.
    func emit(
        _ kind: WeaveEvent.Kind, runID: String? = nil, error: (any Error)? = nil, willRetry: Bool = false,
        duration: Duration? = nil, queueWait: Duration? = nil
    ) {
        observation.emit(
            WeaveEvent(
                kind, task: task, environment: environment, attempt: attempt, item: item, runID: runID,
                error: error, willRetry: willRetry, duration: duration, queueWait: queueWait))
    }

    /// `work` reporting its start (and, for a synchronous body, how long it waited for a
    /// thread), with its span current while it runs, and this attempt too when it `sendsRuns`
    /// (the runs it sends are its events).
    func reporting<T: Sendable>(_ work: Work<T>, sendsRuns: Bool) -> Work<T> {
        switch work {
        case .async(let body):
            return .async {
                emit(.attemptStarted)
                let traced: @Sendable () async throws -> T =
                    if let span { { try await span.withCurrent { try await body() } } } else { body }
                guard sendsRuns else { return try await traced() }
                return try await Self.$current.withValue(self) { try await traced() }
            }
        case .blocking(let body):
            let submitted = MonotonicTime.now
            return .blocking {
                emit(.attemptStarted, queueWait: MonotonicTime.now - submitted)
                guard let span else { return try body() }
                return try span.withCurrent { try body() }
            }
        }
    }
}
