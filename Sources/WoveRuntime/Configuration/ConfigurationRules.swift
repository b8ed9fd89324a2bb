/// The ranges shared by the global configuration and each environment.
enum ConfigurationRules {
    static func check(
        retries: Int?,
        timeout: Duration?,
        workers: Int?,
        limitPerMinute: Int?,
        maxWorkers: Int?,
        maxPending: Int?,
        at path: String
    ) throws(WeaveError) {
        func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }
        func reject(_ name: String, _ value: String, _ rule: String) -> WeaveError {
            WeaveError(.invalidConfiguration, "\(key(name)) is \(value); \(rule).")
        }
        if let retries, retries < 0 { throw reject("retries", "\(retries)", "it must be 0 or more") }
        if let timeout, timeout <= .zero { throw reject("timeout", "\(timeout)", "it must be positive") }
        if let workers, workers < 1 { throw reject("workers", "\(workers)", "it must be at least 1") }
        if let limitPerMinute, limitPerMinute < 1 {
            throw reject("limit_per_minute", "\(limitPerMinute)", "it must be at least 1")
        }
        if let maxWorkers, maxWorkers < 1 {
            throw reject("max_workers", "\(maxWorkers)", "it must be at least 1")
        }
        if let maxPending, maxPending < 0 {
            throw reject("max_pending", "\(maxPending)", "it must be 0 or more")
        }
    }

    /// Checks delivery settings, naming their configuration-file keys.
    static func check(_ delivery: DeliverySettings, at path: String) throws(WeaveError) {
        guard let (field, value, rule) = delivery.firstInvalid() else { return }
        let keys = [
            "timeout": "delivery_timeout", "heartbeat": "delivery_heartbeat_seconds",
            "maxInFlight": "delivery_max_in_flight",
        ]
        let name = keys[field] ?? field
        throw WeaveError(
            .invalidConfiguration, "\(path.isEmpty ? name : "\(path).\(name)") is \(value); \(rule).")
    }
}
