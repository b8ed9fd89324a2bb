/// Process-wide defaults for every weave, set with `Wove.config(...)` or loaded from
/// `wove_config.json`.
public struct WoveConfiguration: Sendable, Equatable {
    /// The environment of tasks and weaves that name none (`local` when unset).
    public var defaultEnvironment: String?
    /// Named environments; `local` always exists and may be overridden.
    public var environments: [String: EnvironmentSettings]
    /// Default `maxWorkers` for weaves.
    public var maxWorkers: Int?
    /// The most synchronous bodies that may run at once in the whole process, across every
    /// weave (default 256). Process-wide only: it takes effect when installed with
    /// `Wove.config(...)` or ``Wove/setConfiguration(_:)``, and a scoped configuration
    /// (``Wove/withConfiguration(_:operation:)``) may not set it.
    public var maxBlockingThreads: Int?
    /// Default retries for tasks.
    public var retries: Int?
    /// Default per-attempt timeout for tasks.
    public var timeout: Duration?
    /// Default `workers` for mapped tasks.
    public var workers: Int?
    /// Default `limitPerMinute` for mapped tasks.
    public var limitPerMinute: Int?
    /// Default `maxPending` for weaves.
    public var maxPending: Int?
    /// Default error mode for weaves.
    public var errorMode: ErrorMode?
    /// Default delivery settings for tasks in non-local environments.
    public var delivery = DeliverySettings()
    /// Observers of every weave, told after the weave's own (`.observer(…)`): a process-wide
    /// logger or metrics observer goes here. Two configurations are equal only if their
    /// observers were set by the same assignment, or neither has any.
    public var observers: [any WeaveObserver] {
        get { observerList.observers }
        set { observerList = ObserverList(newValue) }
    }
    private var observerList = ObserverList([])

    /// A configuration with the given values; unset ones fall through to built-in defaults.
    public init(
        defaultEnvironment: String? = nil,
        environments: [String: EnvironmentSettings] = [:],
        maxWorkers: Int? = nil,
        maxBlockingThreads: Int? = nil,
        retries: Int? = nil,
        timeout: Duration? = nil,
        workers: Int? = nil,
        limitPerMinute: Int? = nil,
        maxPending: Int? = nil,
        errorMode: ErrorMode? = nil,
        delivery: DeliverySettings = DeliverySettings(),
        observers: [any WeaveObserver] = []
    ) {
        self.defaultEnvironment = defaultEnvironment
        self.environments = environments
        self.maxWorkers = maxWorkers
        self.maxBlockingThreads = maxBlockingThreads
        self.retries = retries
        self.timeout = timeout
        self.workers = workers
        self.limitPerMinute = limitPerMinute
        self.maxPending = maxPending
        self.errorMode = errorMode
        self.delivery = delivery
        self.observers = observers
    }

    /// The settings of the environment `name`, if it exists.
    public func environment(named name: String) -> EnvironmentSettings? {
        environments[name] ?? (name == "local" ? .local : nil)
    }

    /// Throws for the first value out of range, naming its key and value.
    public func validate() throws(WeaveError) {
        try ConfigurationRules.check(
            retries: retries, timeout: timeout, workers: workers, limitPerMinute: limitPerMinute,
            maxWorkers: maxWorkers, maxPending: maxPending, at: "")
        if let maxBlockingThreads, maxBlockingThreads < 1 {
            throw WeaveError(
                .invalidConfiguration, "max_blocking_threads is \(maxBlockingThreads); it must be at least 1."
            )
        }
        try ConfigurationRules.check(delivery, at: "")
        for name in environments.keys.sorted() {
            try environments[name]?.validate(at: "environments.\(name)")
        }
        if let defaultEnvironment, environment(named: defaultEnvironment) == nil {
            throw WeaveError(
                .unknownEnvironment,
                "default_environment is '\(defaultEnvironment)', which is not configured. Configured "
                    + "environments: \(environmentNames.joined(separator: ", ")).")
        }
    }

    /// Every environment name, `local` included, sorted.
    var environmentNames: [String] { Set(environments.keys).union(["local"]).sorted() }
}
