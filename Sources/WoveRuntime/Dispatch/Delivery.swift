/// How a non-local executor must deliver one run: the `delivery` object of a `run_task` frame.
///
/// Field names are wove's: `delivery_timeout` (seconds), `delivery_idempotency_key`,
/// `delivery_cancel_mode`, `delivery_heartbeat_seconds`, `delivery_orphan_policy`. Unset fields are
/// left out of the JSON.
public struct Delivery: Sendable, Hashable, Codable {
    /// What a cancellation asks of the executor.
    public enum CancelMode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Send `cancel_task` and move on.
        case bestEffort = "best_effort"
        /// Send `cancel_task` and wait for the worker's `task_cancelled`.
        case requireAck = "require_ack"
    }

    /// What happens to a run still pending when its environment stops.
    public enum OrphanPolicy: String, Sendable, Hashable, Codable, CaseIterable {
        /// Cancel it; the task is cancelled.
        case cancel
        /// Cancel it; the task fails with `DeliveryOrphanedError`.
        case fail
        /// Ask the executor to requeue it; the task fails with `DeliveryOrphanedError`.
        case requeue
        /// Leave it running remotely; the task fails with `DeliveryOrphanedError`.
        case detach
    }

    /// How long the run may take from sending to result, in seconds.
    public var timeoutSeconds: Double?
    /// The key that lets the executor deduplicate retried deliveries.
    public var idempotencyKey: String?
    /// What a cancellation asks of the executor.
    public var cancelMode: CancelMode?
    /// The longest silence allowed between the worker's `task_started`/`heartbeat` frames, in seconds.
    public var heartbeatSeconds: Double?
    /// What happens to the run if it is still pending when its environment stops.
    public var orphanPolicy: OrphanPolicy?

    /// A delivery with the given fields.
    public init(
        timeoutSeconds: Double? = nil,
        idempotencyKey: String? = nil,
        cancelMode: CancelMode? = nil,
        heartbeatSeconds: Double? = nil,
        orphanPolicy: OrphanPolicy? = nil
    ) {
        self.timeoutSeconds = timeoutSeconds
        self.idempotencyKey = idempotencyKey
        self.cancelMode = cancelMode
        self.heartbeatSeconds = heartbeatSeconds
        self.orphanPolicy = orphanPolicy
    }

    /// Why these settings cannot be honoured, naming the first bad field as the frame spells
    /// it; `nil` when every number is in range. A peer's `run_task` may carry anything.
    package var problem: String? {
        Self.problem(of: timeoutSeconds, field: "delivery_timeout")
            ?? Self.problem(of: heartbeatSeconds, field: "delivery_heartbeat_seconds")
    }

    /// What is wrong with `seconds` for `field`, if anything; `nil` when unset.
    private static func problem(of seconds: Double?, field: StaticString) -> String? {
        guard let seconds, seconds <= 0 || Duration(checkedSeconds: seconds) == nil else { return nil }
        return "\(field) is \(seconds); it must be a positive number of seconds, at most "
            + "\(Int(Duration.maximumSeconds))"
    }
}
