/// Runs one task's body, the way its options and environment say, and reports how it ended and
/// how long it took.
enum TaskExecution {
    /// Runs `launch` in the calling task.
    static func perform(_ launch: Launch, in run: WeaveRun, _ observation: WeaveObservation?) async
        -> ChildOutcome
    {
        if let observation, let runnable = launch.runnable {
            observation.emit(WeaveEvent(.taskStarted, task: runnable.name, environment: runnable.environment))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<any Sendable, any Error>
        do {
            result = .success(try await value(of: launch.runnable, launch.arguments, run))
        } catch {
            result = .failure(error)
        }
        return ChildOutcome(index: launch.index, result: result, duration: clock.now - start)
    }

    /// Runs a plain synchronous task on the calling pool thread (plain: an observed weave has
    /// none, so there is no event to report).
    static func performOnThread(_ launch: Launch, in run: WeaveRun) -> ChildOutcome {
        guard let runnable = launch.runnable, case .sync(let body) = runnable.body else {
            return ChildOutcome(index: launch.index, result: .success(()), duration: .zero)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let result = Result<any Sendable, any Error> { try run.bindToThread { try body(launch.arguments) } }
        return ChildOutcome(index: launch.index, result: result, duration: clock.now - start)
    }

    private static func value(
        of runnable: Runnable?,
        _ arguments: [any Sendable],
        _ run: WeaveRun
    ) async throws -> any Sendable {
        guard let runnable else { return () }
        let work: Work<any Sendable>
        switch (runnable.body, runnable.remote) {
        case (.mapped(let body), _):
            return try await MappedTaskRunner.run(body, runnable, arguments, run)
        case (_, let remote?):
            let name = runnable.name
            let environment = runnable.environment
            work = .async { try await run.dispatcher.run(name, in: environment, over: remote, arguments) }
        case (.async(let body), nil):
            if runnable.policy.isPlain { return try await body(arguments) }
            work = .async { try await body(arguments) }
        case (.sync(let body), nil):
            work = .blocking { try run.bindToThread { try body(arguments) } }
        }
        return try await AttemptRunner.run(work, policy: runnable.policy, in: run)
    }
}
