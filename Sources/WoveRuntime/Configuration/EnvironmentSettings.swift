/// A named execution profile: where its tasks run and the defaults they get.
///
/// A task runs in its own `.environment(_:)`, else the weave's `environment:`, else the
/// configured default environment, else `local`. Its settings sit between the task's own
/// options and the process-wide ones: task → weave → task's environment → global → built-in.
///
/// Tasks of a `stdio` environment run in worker processes, addressed by task name; their
/// inputs and output must be `Codable`:
///
/// ```swift
/// try Wove.config(environments: [
///     "remote": EnvironmentSettings(
///         executor: "stdio",
///         executorConfig: ["command": ["/usr/local/bin/report-worker"], "workers": 4]),
/// ])
/// ```
public struct EnvironmentSettings: Sendable, Equatable {
    /// The executor that runs the environment's tasks, by name:
    ///
    /// - `local`: in this process.
    /// - `stdio`: in worker processes started for each weave run, speaking JSON lines over
    ///   stdin/stdout. ``executorConfig`` may set `command` (an array of strings, or one string
    ///   split like a shell command line; default: the current executable, which serves once it
    ///   calls `WoveWorker.runIfRequested()`) and `workers` (processes to start, default 1).
    ///   Every worker gets `WOVE_WORKER=1` in its environment.
    /// - `custom`: ``executorInstance``, or one made per weave run by ``makeExecutor``.
    public var executor: String
    /// An executor of your own, used as is by every weave that uses this environment: each
    /// weave run calls its `start` and, when the run settles, its `stop`. Weaves that may run
    /// at the same time should use ``makeExecutor`` instead, so each run gets its own.
    public var executorInstance: (any EnvironmentExecutor)?
    /// Makes a fresh executor of your own for each weave run that uses this environment.
    public var makeExecutor: (@Sendable () -> any EnvironmentExecutor)?
    /// Settings handed to the executor's `start` as `environmentConfig` (`executor_config`).
    public var executorConfig: [String: JSONValue] = [:]
    /// Default retries for its tasks.
    public var retries: Int?
    /// Default per-attempt timeout for its tasks.
    public var timeout: Duration?
    /// Default `workers` for its mapped tasks.
    public var workers: Int?
    /// Default `limitPerMinute` for its mapped tasks.
    public var limitPerMinute: Int?
    /// Default `maxWorkers` for weaves that run in it.
    public var maxWorkers: Int?
    /// Default `maxPending` for weaves that run in it.
    public var maxPending: Int?
    /// Default delivery settings for its tasks, when it is not local.
    public var delivery = DeliverySettings()
    /// How long stopping its executor may take once a weave run is over (default
    /// ``defaultStopTimeout``). Past it, the weave returns without waiting and reports
    /// ``WeaveError/Code/environmentDidNotStop``.
    public var stopTimeout: Duration?

    /// The stop timeout of environments that set none: 10 seconds.
    public static let defaultStopTimeout: Duration = .seconds(10)

    /// Settings with the given defaults; unset ones fall through to the global configuration.
    ///
    /// - Parameters:
    ///   - executor: A built-in executor name: `local` or `stdio`.
    ///   - executorConfig: The executor's settings, e.g. `["command": ["/path/to/worker"], "workers": 2]`
    ///     for `stdio`; checked when the configuration is set.
    ///   - retries: Default retries for its tasks.
    ///   - timeout: Default per-attempt timeout for its tasks.
    ///   - workers: Default `workers` for its mapped tasks.
    ///   - limitPerMinute: Default `limitPerMinute` for its mapped tasks.
    ///   - maxWorkers: Default `maxWorkers` for weaves that run in it.
    ///   - maxPending: Default `maxPending` for weaves that run in it.
    ///   - delivery: Default delivery settings for its tasks, when it is not local.
    ///   - stopTimeout: How long stopping its executor may take once a weave run is over.
    public init(
        executor: String = "local",
        executorConfig: [String: JSONValue] = [:],
        retries: Int? = nil,
        timeout: Duration? = nil,
        workers: Int? = nil,
        limitPerMinute: Int? = nil,
        maxWorkers: Int? = nil,
        maxPending: Int? = nil,
        delivery: DeliverySettings = DeliverySettings(),
        stopTimeout: Duration? = nil
    ) {
        self.executor = executor
        self.executorConfig = executorConfig
        self.delivery = delivery
        self.stopTimeout = stopTimeout
        self.retries = retries
        self.timeout = timeout
        self.workers = workers
        self.limitPerMinute = limitPerMinute
        self.maxWorkers = maxWorkers
        self.maxPending = maxPending
    }

    /// Settings whose tasks go to `executor`, an ``EnvironmentExecutor`` of your own.
    public init(
        executor: any EnvironmentExecutor,
        executorConfig: [String: JSONValue] = [:],
        retries: Int? = nil,
        timeout: Duration? = nil,
        workers: Int? = nil,
        limitPerMinute: Int? = nil,
        maxWorkers: Int? = nil,
        maxPending: Int? = nil,
        delivery: DeliverySettings = DeliverySettings(),
        stopTimeout: Duration? = nil
    ) {
        self.init(
            executor: "custom", executorConfig: executorConfig, retries: retries, timeout: timeout,
            workers: workers,
            limitPerMinute: limitPerMinute,
            maxWorkers: maxWorkers, maxPending: maxPending, delivery: delivery, stopTimeout: stopTimeout)
        self.executorInstance = executor
    }

    /// Settings whose tasks go to an ``EnvironmentExecutor`` of your own, a new one from
    /// `makeExecutor` for each weave run, so concurrent weaves never share one.
    public init(
        makeExecutor: @escaping @Sendable () -> any EnvironmentExecutor,
        executorConfig: [String: JSONValue] = [:],
        retries: Int? = nil,
        timeout: Duration? = nil,
        workers: Int? = nil,
        limitPerMinute: Int? = nil,
        maxWorkers: Int? = nil,
        maxPending: Int? = nil,
        delivery: DeliverySettings = DeliverySettings(),
        stopTimeout: Duration? = nil
    ) {
        self.init(
            executor: "custom", executorConfig: executorConfig, retries: retries, timeout: timeout,
            workers: workers, limitPerMinute: limitPerMinute, maxWorkers: maxWorkers, maxPending: maxPending,
            delivery: delivery, stopTimeout: stopTimeout)
        self.makeExecutor = makeExecutor
    }

    /// Whether tasks run in this process, without frames (`false` for `stdio` and custom executors).
    public var isLocal: Bool { executorFactory == nil }

    /// Makes the executor of one weave run, or `nil` for a local environment: a custom instance
    /// is shared by every run; a `stdio` executor holds processes, so each run gets its own.
    var executorFactory: (@Sendable () throws -> any EnvironmentExecutor)? {
        if let executorInstance { return { executorInstance } }
        if let makeExecutor { return makeExecutor }
        switch executor {
        case "stdio": return { StdioExecutor() }
        default: return nil
        }
    }

    /// Equal when every setting is, and both or neither have an executor instance or factory.
    public static func == (lhs: EnvironmentSettings, rhs: EnvironmentSettings) -> Bool {
        lhs.executor == rhs.executor && (lhs.executorInstance == nil) == (rhs.executorInstance == nil)
            && (lhs.makeExecutor == nil) == (rhs.makeExecutor == nil)
            && lhs.executorConfig == rhs.executorConfig && lhs.retries == rhs.retries
            && lhs.timeout == rhs.timeout
            && lhs.workers == rhs.workers && lhs.limitPerMinute == rhs.limitPerMinute
            && lhs.maxWorkers == rhs.maxWorkers && lhs.maxPending == rhs.maxPending
            && lhs.delivery == rhs.delivery && lhs.stopTimeout == rhs.stopTimeout
    }

    /// The built-in environment every configuration has.
    public static let local = EnvironmentSettings()

    /// Throws for a value out of range, naming `path` (e.g. `environments.heavy.retries`).
    func validate(at path: String) throws(WeaveError) {
        try ConfigurationRules.check(
            retries: retries, timeout: timeout, workers: workers, limitPerMinute: limitPerMinute,
            maxWorkers: maxWorkers, maxPending: maxPending, at: path)
        try ConfigurationRules.check(delivery, at: path)
        if let stopTimeout, stopTimeout <= .zero {
            throw WeaveError(
                .invalidConfiguration, "\(path).stop_timeout is \(stopTimeout); it must be positive.")
        }
        switch executor {
        case "local": break
        case "stdio": _ = try StdioConfiguration(executorConfig, at: "\(path).executor_config")
        case "custom" where executorInstance != nil || makeExecutor != nil: break
        default:
            throw WeaveError(
                .invalidConfiguration,
                "\(path).executor is '\(executor)': this build offers 'local', 'stdio', or an "
                    + "EnvironmentExecutor instance passed as EnvironmentSettings(executor:).")
        }
    }
}
