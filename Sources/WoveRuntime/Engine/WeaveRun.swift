/// One running weave's shared machinery: its blocking lane, clock and limits.
///
/// Bound as a task-local while the weave's tasks run, so `merge` can find the
/// weave it was called from.
package final class WeaveRun: Sendable {
    package let lane: BlockingLane
    package let clock: WoveClock
    package let maxPending: Int?
    /// How many `merge` calls enclose the current one on this call chain.
    package let mergeDepth: Int
    /// The run's non-local environments; `nil` for a graph with no task in one.
    let dispatcher: Dispatcher?
    /// The run's observers; `nil` when nobody observes.
    package let observation: WeaveObservation?

    /// A run of the weave `name` (evaluated only if the weave is observed), of `taskCount` tasks;
    /// `sendsRuns` if any of them runs in another process.
    init(options: WeaveOptions, name: @autoclosure () -> String, taskCount: Int, sendsRuns: Bool) {
        observation = WeaveObservation.make(options.defaults.observers, weave: name(), taskCount: taskCount)
        lane = BlockingLane(limit: options.maxWorkers)
        clock = options.clock
        maxPending = options.maxPending
        mergeDepth = 0
        guard sendsRuns else {
            dispatcher = nil
            return
        }
        let delivery = options.defaults.configuration.delivery
        dispatcher = Dispatcher(
            runConfig: RunConfig(
                errorMode: options.errorMode, maxPending: options.maxPending,
                heartbeatSeconds: delivery.heartbeat?.seconds, orphanPolicy: delivery.orphanPolicy ?? .cancel),
            clock: options.clock, observation: observation)
    }

    private init(parent: WeaveRun) {
        lane = parent.lane
        clock = parent.clock
        maxPending = parent.maxPending
        mergeDepth = parent.mergeDepth + 1
        dispatcher = parent.dispatcher
        observation = parent.observation
    }

    /// Runs the task `name` in `environment` over `remote` with `arguments`, and returns its
    /// decoded output.
    func dispatch(
        _ name: String,
        in environment: String,
        over remote: RemoteRoute,
        _ arguments: [any Sendable]
    ) async throws -> any Sendable {
        guard let dispatcher else {
            // Not reached: a run has a dispatcher whenever its graph has a task with a route.
            throw WeaveError(
                .unknownEnvironment,
                "Task '\(name)' is routed to environment '\(environment)', but its weave was prepared "
                    + "without remote tasks (an internal inconsistency in Wove: please report it).",
                task: name)
        }
        return try await dispatcher.run(name, in: environment, over: remote, arguments)
    }

    /// The same weave, one `merge` deeper.
    package func nested() -> WeaveRun { WeaveRun(parent: self) }

    /// Throws if `count` items exceed the weave's `maxPending`; `what` names the culprit
    /// ("Mapped task 'x' (File.swift:3)").
    package func checkPending(_ count: Int, _ what: String, task: String, at location: SourceLocation)
        throws(WeaveError)
    {
        guard let maxPending, count > maxPending else { return }
        throw WeaveError(
            .tooManyPendingItems, "\(what) has \(count) items, which exceeds maxPending=\(maxPending).",
            task: task, at: location)
    }

    /// The weave whose async task body is running on this task.
    @TaskLocal package static var boundToTask: WeaveRun?

    /// The weave whose task is running on this task or blocking-pool thread, if any.
    package static var current: WeaveRun? { boundToTask ?? ThreadBinding.current }

    /// Runs a synchronous body with this weave bound to the current thread.
    package func bindToThread<T>(_ body: () throws -> T) rethrows -> T {
        try ThreadBinding.with(self, body)
    }
}
