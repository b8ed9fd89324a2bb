/// Settings to merge into a configuration: what one `Wove.config(...)` call or one
/// `wove_config.json` file sets. Unset values keep the configuration's; each environment named
/// replaces the one of that name, and an environment named with `nil` (`null` in JSON) is removed.
struct ConfigurationChange: Sendable {
    var defaultEnvironment: String?
    var environments: [String: EnvironmentSettings?] = [:]
    var maxWorkers: Int?
    var maxBlockingThreads: Int?
    var retries: Int?
    var timeout: Duration?
    var workers: Int?
    var limitPerMinute: Int?
    var maxPending: Int?
    var errorMode: ErrorMode?
    var delivery: DeliverySettings?
    var observers: [any WeaveObserver]?

    /// `configuration` with these settings merged in.
    func applied(to configuration: WoveConfiguration) -> WoveConfiguration {
        var merged = configuration
        merged.defaultEnvironment = defaultEnvironment ?? merged.defaultEnvironment
        for (name, settings) in environments { merged.environments[name] = settings }
        merged.maxWorkers = maxWorkers ?? merged.maxWorkers
        merged.maxBlockingThreads = maxBlockingThreads ?? merged.maxBlockingThreads
        merged.retries = retries ?? merged.retries
        merged.timeout = timeout ?? merged.timeout
        merged.workers = workers ?? merged.workers
        merged.limitPerMinute = limitPerMinute ?? merged.limitPerMinute
        merged.maxPending = maxPending ?? merged.maxPending
        merged.errorMode = errorMode ?? merged.errorMode
        if let delivery { merged.delivery = delivery.inheriting(from: merged.delivery) }
        if let observers { merged.observers = observers }
        return merged
    }
}
