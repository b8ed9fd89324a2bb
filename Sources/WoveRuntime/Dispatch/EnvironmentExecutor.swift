/// Carries frames between the runtime and wherever an environment's tasks run: a worker
/// process, a worker service, a cluster scheduler.
///
/// For each weave run, the runtime starts an executor once per environment on first use, sends
/// `run_task` and `cancel_task` frames, reads event frames from ``recv()``, and stops the
/// executor when the run settles. Implement it to reach a transport of your own; the built-in
/// `local` and `stdio` executors are already there (`EnvironmentSettings(executor: .stdio())`
/// runs tasks in worker processes).
///
/// ```swift
/// final class RecordingExecutor: EnvironmentExecutor { … }
/// try Wove.config(environments: ["remote": EnvironmentSettings(executor: .custom { RecordingExecutor() })])
/// ```
///
/// ## The contract
///
/// - ``start(environmentName:environmentConfig:runConfig:)`` is called once, before anything
///   else. If it throws, the environment's tasks fail with an `executor` error naming the cause.
/// - ``send(_:)`` may be called from many tasks at once. A `cancel_task` is sent only after its
///   run's `run_task` call has returned.
/// - ``recv()`` is called by one task at a time, in a loop, until it throws. It must return or
///   throw promptly once that task is cancelled or ``stop()`` has been called.
/// - At the end of the run, the runtime stops taking runs, awaits every `send` already under
///   way, cancels the task calling ``recv()``, calls ``stop()`` once, and waits for both to
///   end. Nothing is called after ``stop()`` returns.
/// - All of that must finish within the environment's `stopTimeout` (10 s by default). An
///   executor that overruns it, say with a `recv()` that ignores cancellation, is left behind:
///   the weave returns and reports ``WeaveError/Code/environmentDidNotStop``.
public protocol EnvironmentExecutor: Sendable {
    /// Prepares the executor for one environment of a weave run.
    ///
    /// - Parameters:
    ///   - environmentName: The environment's name.
    ///   - environmentConfig: The environment's `executor_config` settings.
    ///   - runConfig: Settings of the weave run that executors may need.
    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws

    /// Sends a command frame (`run_task`, `cancel_task`, `shutdown`).
    func send(_ frame: WoveFrame) async throws

    /// Waits for the next event frame. Throwing ends the environment: every pending run fails
    /// (or is orphaned, per its policy) with that error.
    func recv() async throws -> WoveFrame

    /// Releases the executor's resources; called once the weave run is over.
    func stop() async throws
}

/// Settings of a weave run that an executor may need.
public struct RunConfig: Sendable, Hashable {
    /// The weave's error mode.
    public var errorMode: ErrorMode
    /// The weave's `maxPending`.
    public var maxPending: Int?
    /// The default heartbeat interval of the weave's runs, in seconds.
    public var heartbeatSeconds: Double?
    /// The default orphan policy of the weave's runs.
    public var orphanPolicy: Delivery.OrphanPolicy

    /// Run settings with the given values.
    public init(
        errorMode: ErrorMode = .raise,
        maxPending: Int? = nil,
        heartbeatSeconds: Double? = nil,
        orphanPolicy: Delivery.OrphanPolicy = .cancel
    ) {
        self.errorMode = errorMode
        self.maxPending = maxPending
        self.heartbeatSeconds = heartbeatSeconds
        self.orphanPolicy = orphanPolicy
    }
}
