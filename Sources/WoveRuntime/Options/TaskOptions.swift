/// The options declared on one task; `nil` means "not set here".
///
/// When a later declaration overrides a task, options it leaves unset are
/// inherited from the declaration it replaces.
///
/// A value with copy-on-write storage, and one box shared by every task that sets none (most
/// do): a declaration holds a reference, not the two hundred bytes of fields below.
package struct TaskOptions: Sendable {
    /// The fields.
    private struct Values: Sendable {
        var retries: Int?
        var backoff: RetryBackoff?
        var timeout: Duration?
        var workers: Int?
        var limitPerMinute: Int?
        var environment: String?
        var delivery = DeliverySettings()
    }

    /// The fields, shared between copies; a change replaces the box.
    private final class Box: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }

    /// The box of options with nothing set.
    private static let unset = Box(Values())

    private var box = TaskOptions.unset

    package init() {}

    /// Changes one field, in a box of these options' own.
    private mutating func change(_ update: (inout Values) -> Void) {
        var values = box.values
        update(&values)
        box = Box(values)
    }

    package var retries: Int? {
        get { box.values.retries }
        set { change { $0.retries = newValue } }
    }
    package var backoff: RetryBackoff? {
        get { box.values.backoff }
        set { change { $0.backoff = newValue } }
    }
    package var timeout: Duration? {
        get { box.values.timeout }
        set { change { $0.timeout = newValue } }
    }
    package var workers: Int? {
        get { box.values.workers }
        set { change { $0.workers = newValue } }
    }
    package var limitPerMinute: Int? {
        get { box.values.limitPerMinute }
        set { change { $0.limitPerMinute = newValue } }
    }
    package var environment: String? {
        get { box.values.environment }
        set { change { $0.environment = newValue } }
    }
    package var delivery: DeliverySettings {
        get { box.values.delivery }
        set { change { $0.delivery = newValue } }
    }

    /// Whether no option is set here.
    var isUnset: Bool { box === Self.unset }

    /// These options, with every unset one taken from `earlier`.
    package func inheriting(from earlier: TaskOptions) -> TaskOptions {
        if earlier.isUnset { return self }
        if isUnset { return earlier }
        var merged = self
        merged.change { values in
            let earlier = earlier.box.values
            values.retries = values.retries ?? earlier.retries
            values.backoff = values.backoff ?? earlier.backoff
            values.timeout = values.timeout ?? earlier.timeout
            values.workers = values.workers ?? earlier.workers
            values.limitPerMinute = values.limitPerMinute ?? earlier.limitPerMinute
            values.environment = values.environment ?? earlier.environment
            values.delivery = values.delivery.inheriting(from: earlier.delivery)
        }
        return merged
    }

    /// Throws for a value outside its range, naming the task and the option.
    package func validate(task: String, at location: SourceLocation) throws(WeaveError) {
        if isUnset { return }
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
