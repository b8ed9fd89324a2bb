/// The options declared on one task; `nil` means "not set here".
///
/// When a later declaration overrides a task, options it leaves unset are
/// inherited from the declaration it replaces.
package struct TaskOptions: Sendable {
    package var retries: Int?
    package var backoff: RetryBackoff?
    package var timeout: Duration?
    package var workers: Int?
    package var limitPerMinute: Int?
    package var environment: String?
    package var delivery = DeliverySettings()

    package init() {}

    /// These options, with every unset one taken from `earlier`.
    package func inheriting(from earlier: TaskOptions) -> TaskOptions {
        var merged = self
        merged.retries = retries ?? earlier.retries
        merged.backoff = backoff ?? earlier.backoff
        merged.timeout = timeout ?? earlier.timeout
        merged.workers = workers ?? earlier.workers
        merged.limitPerMinute = limitPerMinute ?? earlier.limitPerMinute
        merged.environment = environment ?? earlier.environment
        merged.delivery = delivery.inheriting(from: earlier.delivery)
        return merged
    }

    /// Throws for a value outside its range, naming the task and the option.
    package func validate(task: String, at location: SourceLocation) throws(WeaveError) {
        func reject(_ option: String, _ value: String, _ rule: String) -> WeaveError {
            WeaveError(
                .invalidOption,
                "Task '\(task)' (\(location)) has \(option) \(value); \(rule).", task: task, at: location)
        }
        if let retries, retries < 0 { throw reject("retries", "\(retries)", "it must be 0 or more") }
        if let timeout, timeout <= .zero { throw reject("timeout", "\(timeout)", "it must be positive") }
        if let workers, workers < 1 { throw reject("workers", "\(workers)", "it must be at least 1") }
        if let limitPerMinute, limitPerMinute < 1 {
            throw reject("limitPerMinute", "\(limitPerMinute)", "it must be at least 1")
        }
        if let (field, value, rule) = delivery.firstInvalid() {
            throw reject("delivery \(field)", value, rule)
        }
    }
}
