/// Runs one task's body, the way its options and environment say, and reports how it ended and
/// how long it took.
enum TaskExecution {
    /// Runs `launch`, a task of `graph`, in the calling task.
    nonisolated(nonsending) static func perform(
        _ launch: Launch, of graph: CompiledGraph, in run: WeaveRun, _ observation: WeaveObservation?
    ) async
        -> ChildOutcome
    {
        if let observation { tellStarted(launch, observation) }
        let start = MonotonicTime.now
        do {
            let value = try await value(of: launch, graph, run)
            return ChildOutcome(
                index: launch.index, result: .success(value), duration: MonotonicTime.now - start)
        } catch {
            return ChildOutcome(
                index: launch.index, result: .failure(error), duration: MonotonicTime.now - start)
        }
    }

    /// Tells `observation` that `launch` started. Not inlined: the event stays out of
    /// ``perform(_:of:in:_:)``'s async frame.
    @inline(never)
    private static func tellStarted(_ launch: Launch, _ observation: WeaveObservation) {
        guard let runnable = launch.runnable else { return }
        observation.emit(WeaveEvent(.taskStarted, task: runnable.name, environment: runnable.environment))
    }

    /// Runs a plain synchronous task of `graph` on the calling pool thread (plain: an observed
    /// weave has none, so there is no event to report).
    static func performOnThread(_ launch: Launch, of graph: CompiledGraph, in run: WeaveRun) -> ChildOutcome {
        guard case .sync(let body) = graph.body(at: launch.index) else {
            return ChildOutcome(index: launch.index, result: .success(()), duration: .zero)
        }
        let start = MonotonicTime.now
        let result = Result<any Sendable, any Error> { try run.bindToThread { try body(launch.arguments) } }
        return ChildOutcome(index: launch.index, result: result, duration: MonotonicTime.now - start)
    }

    /// The value of `launch`. Only a plain `async` body's closure enters this async frame, not
    /// the whole ``TaskBody`` (several closures wide): each task runs in a child task, whose first
    /// allocation must hold its frames.
    nonisolated(nonsending) private static func value(
        of launch: Launch,
        _ graph: CompiledGraph,
        _ run: WeaveRun
    ) async throws -> any Sendable {
        guard let runnable = launch.runnable else { return () }
        if runnable.runsPlainAsync, let body = graph.asyncBody(at: launch.index) {
            return try await body(launch.arguments)
        }
        return try await options(of: runnable, launch, graph, run)
    }

    /// The value of a task that needs more than a call to its body: a mapped or remote one, a
    /// synchronous one run from a task, or one with retries, a timeout, a backoff, pacing or an
    /// observer. Kept out of ``value(of:_:_:)`` so that the
    /// plain path's async frames stay small: each task runs in a child task whose first
    /// allocation must hold them.
    @inline(never)
    nonisolated(nonsending) private static func options(
        of runnable: Runnable,
        _ launch: Launch,
        _ graph: CompiledGraph,
        _ run: WeaveRun
    ) async throws -> any Sendable {
        let arguments = launch.arguments
        let work: Work<any Sendable>
        // Matched in place, not bound first: only the closure or mapped body a case takes stays
        // in this async frame, not the whole ``TaskBody``.
        switch (graph.body(at: launch.index), runnable.remote) {
        case (nil, _): return ()
        case (.mapped(let body)?, _):
            return try await MappedTaskRunner.run(body, runnable, arguments, run)
        case (_, let remote?):
            let name = runnable.name
            let environment = runnable.environment
            work = .async { try await run.dispatch(name, in: environment, over: remote, arguments) }
        case (.async(let body)?, nil):
            work = .async { try await body(arguments) }
        case (.sync(let body)?, nil):
            work = .blocking { try run.bindToThread { try body(arguments) } }
        }
        return try await AttemptRunner.run(work, policy: runnable.policy, in: run)
    }
}
