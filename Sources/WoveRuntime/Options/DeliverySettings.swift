/// How runs sent to a non-local environment are delivered: how long they may take, how they
/// are deduplicated and cancelled, and what happens to runs left pending.
///
/// Set per task with `.delivery(…)`, per environment in ``EnvironmentSettings/delivery``, or for
/// every weave in ``WoveConfiguration/delivery``; each unset field falls through in that order.
/// Tasks in the `local` environment never use these settings: they send no frames.
public struct DeliverySettings: Sendable, Hashable {
    /// How long a run may take from sending `run_task` to its result.
    public var timeout: Duration?
    /// A key for the executor to deduplicate retried deliveries; `{name}` placeholders are
    /// filled with the run's JSON arguments by name (a mapped task's element is `{item}`).
    public var idempotencyKey: String?
    /// What a cancellation asks of the executor (`bestEffort` by default).
    public var cancelMode: Delivery.CancelMode?
    /// The longest silence allowed between the worker's `task_started` and `heartbeat` frames.
    public var heartbeat: Duration?
    /// How many runs of this limit may be pending at once in the environment, per weave run.
    public var maxInFlight: Int?
    /// What happens to a run still pending when its environment stops or its connection fails
    /// (`cancel` by default).
    public var orphanPolicy: Delivery.OrphanPolicy?

    /// Settings with the given values; unset ones fall through to the next level.
    public init(
        timeout: Duration? = nil,
        idempotencyKey: String? = nil,
        cancelMode: Delivery.CancelMode? = nil,
        heartbeat: Duration? = nil,
        maxInFlight: Int? = nil,
        orphanPolicy: Delivery.OrphanPolicy? = nil
    ) {
        self.timeout = timeout
        self.idempotencyKey = idempotencyKey
        self.cancelMode = cancelMode
        self.heartbeat = heartbeat
        self.maxInFlight = maxInFlight
        self.orphanPolicy = orphanPolicy
    }

    /// These settings, with every unset one taken from `fallback`.
    package func inheriting(from fallback: DeliverySettings) -> DeliverySettings {
        DeliverySettings(
            timeout: timeout ?? fallback.timeout,
            idempotencyKey: idempotencyKey ?? fallback.idempotencyKey,
            cancelMode: cancelMode ?? fallback.cancelMode,
            heartbeat: heartbeat ?? fallback.heartbeat,
            maxInFlight: maxInFlight ?? fallback.maxInFlight,
            orphanPolicy: orphanPolicy ?? fallback.orphanPolicy)
    }

    /// The first value out of range, as `(field, value, rule)`.
    func firstInvalid() -> (field: String, value: String, rule: String)? {
        if let timeout, timeout <= .zero { return ("timeout", "\(timeout)", "it must be positive") }
        if let heartbeat, heartbeat <= .zero { return ("heartbeat", "\(heartbeat)", "it must be positive") }
        if let maxInFlight, maxInFlight < 1 {
            return ("maxInFlight", "\(maxInFlight)", "it must be at least 1")
        }
        return nil
    }
}
