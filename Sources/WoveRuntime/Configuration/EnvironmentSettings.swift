/// A named execution profile: where its tasks run and the defaults they get.
///
/// A task runs in its own `.environment(_:)`, else the weave's `environment`, else the
/// configured default environment, else `local`. Its settings sit between the task's own
/// options and the process-wide ones: task → weave → task's environment → global → built-in.
///
/// Tasks of a non-local environment run elsewhere, addressed by task name; their inputs and
/// output must be `Codable`:
///
/// ```swift
/// try Wove.config(environments: [
///     "remote": EnvironmentSettings(executor: .stdio(command: ["/usr/local/bin/report-worker"], workers: 4)),
///     "heavy": EnvironmentSettings(retries: 3, timeout: .seconds(30)),
/// ])
/// ```
public struct EnvironmentSettings: Sendable, Equatable {
    /// Where the environment's tasks run (``ExecutorProvider/local`` by default).
    public var executor: ExecutorProvider
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
    ///   - executor: Where the tasks run: `.local` (the default), `.stdio(…)`, `.custom { … }`, or
    ///     an integration's provider; its settings are checked when the configuration is set.
    ///   - retries: Default retries for its tasks.
    ///   - timeout: Default per-attempt timeout for its tasks.
    ///   - workers: Default `workers` for its mapped tasks.
    ///   - limitPerMinute: Default `limitPerMinute` for its mapped tasks.
    ///   - maxWorkers: Default `maxWorkers` for weaves that run in it.
    ///   - maxPending: Default `maxPending` for weaves that run in it.
    ///   - delivery: Default delivery settings for its tasks, when it is not local.
    ///   - stopTimeout: How long stopping its executor may take once a weave run is over.
    public init(
        executor: ExecutorProvider = .local,
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
        self.retries = retries
        self.timeout = timeout
        self.workers = workers
        self.limitPerMinute = limitPerMinute
        self.maxWorkers = maxWorkers
        self.maxPending = maxPending
        self.delivery = delivery
        self.stopTimeout = stopTimeout
    }

    /// Whether tasks run in this process, without frames.
    public var isLocal: Bool { executor.isLocal }

    /// Equal when every setting is, the executor compared by its name and configuration.
    public static func == (lhs: EnvironmentSettings, rhs: EnvironmentSettings) -> Bool {
        lhs.executor.name == rhs.executor.name && lhs.executor.configuration == rhs.executor.configuration
            && lhs.retries == rhs.retries && lhs.timeout == rhs.timeout && lhs.workers == rhs.workers
            && lhs.limitPerMinute == rhs.limitPerMinute && lhs.maxWorkers == rhs.maxWorkers
            && lhs.maxPending == rhs.maxPending && lhs.delivery == rhs.delivery
            && lhs.stopTimeout == rhs.stopTimeout
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
        try executor.validate(at: path)
    }
}
