/// A dispatch feature was used that this build or this task cannot support: a task routed to a
/// non-local environment whose inputs or output are not `Codable`, or an integration whose
/// SwiftPM trait is not enabled.
///
/// The Swift counterpart of Python wove's `pip install "wove[dispatch]"` message.
public struct MissingDispatchFeatureError: Error, Sendable, CustomStringConvertible {
    /// What needs the missing feature, and what is missing.
    public let reason: String
    /// The SwiftPM trait that enables the feature, when a trait does.
    public let trait: String?
    /// The task at fault, when one task is.
    public let taskName: String?
    /// Where that task was declared.
    public let location: SourceLocation?

    /// An error with the given reason.
    public init(
        reason: String, trait: String? = nil, taskName: String? = nil, location: SourceLocation? = nil
    ) {
        self.reason = reason
        self.trait = trait
        self.taskName = taskName
        self.location = location
    }

    /// The reason, and how to enable the trait when there is one.
    public var description: String {
        guard let trait else { return "Wove dispatch feature missing: \(reason)" }
        return "Wove dispatch feature missing: \(reason) Enable it in Package.swift: "
            + ".package(url: \"…/wove-swift\", from: \"…\", traits: [\"\(trait)\"])."
    }
}

/// A non-local run did not finish within its delivery timeout, its worker fell silent for longer
/// than its heartbeat interval, or (with `requireAck`) did not acknowledge a cancellation in time.
/// A cancel frame was sent; the attempt may be retried.
public struct DeliveryTimeoutError: Error, Sendable, CustomStringConvertible {
    /// Which limit passed.
    public enum Limit: Sendable, Hashable {
        /// The whole run's delivery timeout, counted from sending `run_task`.
        case delivery
        /// The longest silence allowed between `task_started`/`heartbeat` frames.
        case heartbeat
        /// The wait for `task_cancelled` after a `require_ack` cancellation.
        case acknowledgement
    }

    /// The task whose run timed out.
    public let taskName: String
    /// The environment it ran in.
    public let environment: String
    /// The limit, in seconds.
    public let seconds: Double
    /// Which limit passed.
    public let limit: Limit

    /// A timeout of the given kind.
    public init(taskName: String, environment: String, seconds: Double, limit: Limit) {
        self.taskName = taskName
        self.environment = environment
        self.seconds = seconds
        self.limit = limit
    }

    /// Which task, which limit, which environment.
    public var description: String {
        switch limit {
        case .delivery:
            "Delivery timeout exceeded for task '\(taskName)' in environment '\(environment)' (\(seconds)s)."
        case .heartbeat:
            "Delivery heartbeat timed out for task '\(taskName)' in environment '\(environment)' after "
                + "\(seconds)s without heartbeat."
        case .acknowledgement:
            "Cancellation of task '\(taskName)' in environment '\(environment)' was not acknowledged within "
                + "\(seconds)s."
        }
    }
}

/// A run was still pending when its environment stopped or its connection failed, and its
/// orphan policy (`fail`, `requeue`, `detach`) makes that a task failure.
public struct DeliveryOrphanedError: Error, Sendable, CustomStringConvertible {
    /// The task whose run was orphaned.
    public let taskName: String
    /// The environment it ran in.
    public let environment: String
    /// The policy that applied.
    public let policy: Delivery.OrphanPolicy
    /// Why the run was left pending.
    public let cause: String

    /// An orphaned-run error.
    public init(taskName: String, environment: String, policy: Delivery.OrphanPolicy, cause: String) {
        self.taskName = taskName
        self.environment = environment
        self.policy = policy
        self.cause = cause
    }

    /// Which task, where, under which policy, and why.
    public var description: String {
        "Task '\(taskName)' became orphaned in environment '\(environment)' with policy '\(policy.rawValue)': \(cause)."
    }
}

/// A remote task failed with an error that has no local Swift type: the worker's normalized
/// ``RemoteError`` payload, kept whole. Its `source` tells where it came from: the task body
/// (`task`), the worker's lookup (`config`), the connection (`transport`), or an environment
/// that could not start (`executor`).
public struct EnvironmentExecutionError: Error, Sendable, CustomStringConvertible {
    /// The error as the worker reported it.
    public let payload: RemoteError
    /// The task that failed.
    public let taskName: String
    /// The environment it ran in.
    public let environment: String

    /// An error for `payload`.
    public init(payload: RemoteError, taskName: String, environment: String) {
        self.payload = payload
        self.taskName = taskName
        self.environment = environment
    }

    /// The error of a task whose environment could not start because of `cause`.
    static func environmentCouldNotStart(_ environment: String, task: String, cause: any Error)
        -> EnvironmentExecutionError
    {
        EnvironmentExecutionError(
            payload: RemoteError(
                kind: String(reflecting: type(of: cause)),
                message: "Environment '\(environment)' could not start: \(cause)", source: .executor),
            taskName: task, environment: environment)
    }

    /// The worker's message, with the task and environment.
    public var description: String {
        "Task '\(taskName)' failed in environment '\(environment)': \(payload.message) [\(payload.kind), "
            + "source: \(payload.source.rawValue)]"
    }
}
