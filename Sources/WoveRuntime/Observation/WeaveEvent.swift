/// Something that happened in a weave, as reported to a ``WeaveObserver``.
///
/// Read ``kind`` to tell events apart, and the fields that kind sets. New kinds may be added in
/// minor releases, so a `switch` over kinds needs a `default` branch:
///
/// ```swift
/// switch event.kind {
/// case .taskFailed: log("\(event.task ?? "") failed: \(event.error.map { "\($0)" } ?? "")")
/// case .attemptFailed where event.willRetry: log("retrying \(event.task ?? "")")
/// default: break
/// }
/// ```
public struct WeaveEvent: Sendable, CustomStringConvertible {
    /// The kind of a ``WeaveEvent``.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case weaveStarted, taskStarted, attemptFailed, taskFinished, taskFailed, taskCancelled,
                weaveFinished
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The weave compiled and is about to start its tasks; sets ``WeaveEvent/taskCount``.
        public static let weaveStarted = Kind(.weaveStarted)
        /// A task's first attempt is starting; sets ``WeaveEvent/task``.
        public static let taskStarted = Kind(.taskStarted)
        /// An attempt failed; sets ``WeaveEvent/task``, ``WeaveEvent/attempt``, ``WeaveEvent/error``
        /// and ``WeaveEvent/willRetry``.
        public static let attemptFailed = Kind(.attemptFailed)
        /// A task succeeded; sets ``WeaveEvent/task`` and ``WeaveEvent/duration`` (all attempts
        /// included).
        public static let taskFinished = Kind(.taskFinished)
        /// A task failed, or never ran because a dependency failed (``WeaveEvent/duration`` is
        /// then `nil`); sets ``WeaveEvent/task`` and ``WeaveEvent/error``.
        public static let taskFailed = Kind(.taskFailed)
        /// A task was cancelled, or never ran because the weave stopped first; sets
        /// ``WeaveEvent/task``.
        public static let taskCancelled = Kind(.taskCancelled)
        /// Every task settled; sets ``WeaveEvent/duration`` and, if there was one, the weave's first
        /// ``WeaveEvent/error``.
        public static let weaveFinished = Kind(.weaveFinished)

        /// The kind's name, e.g. `taskStarted`.
        public var description: String { base.rawValue }
    }

    /// What happened.
    public let kind: Kind
    /// The task it happened to, for task and attempt events.
    public let task: String?
    /// The attempt's number, from 1, for ``Kind/attemptFailed``.
    public let attempt: Int?
    /// The error, for failures; for ``Kind/weaveFinished``, the weave's first error.
    public let error: (any Error)?
    /// Whether another attempt follows, for ``Kind/attemptFailed``.
    public let willRetry: Bool
    /// How long the task or the weave took, for events that end one.
    public let duration: Duration?
    /// How many tasks the weave has, for ``Kind/weaveStarted``.
    public let taskCount: Int?

    private init(
        _ kind: Kind, task: String? = nil, attempt: Int? = nil, error: (any Error)? = nil,
        willRetry: Bool = false, duration: Duration? = nil, taskCount: Int? = nil
    ) {
        self.kind = kind
        self.task = task
        self.attempt = attempt
        self.error = error
        self.willRetry = willRetry
        self.duration = duration
        self.taskCount = taskCount
    }

    /// The kind, then the fields it sets: `taskFailed task=fetch error=Timeout duration=0.5 seconds`.
    public var description: String {
        var parts = [kind.description]
        if let task { parts.append("task=\(task)") }
        if let attempt { parts.append("attempt=\(attempt)") }
        if let error { parts.append("error=\(error)") }
        if kind == .attemptFailed { parts.append("willRetry=\(willRetry)") }
        if let duration { parts.append("duration=\(duration)") }
        if let taskCount { parts.append("taskCount=\(taskCount)") }
        return parts.joined(separator: " ")
    }

    package static func weaveStarted(taskCount: Int) -> WeaveEvent {
        WeaveEvent(.weaveStarted, taskCount: taskCount)
    }

    package static func taskStarted(task: String) -> WeaveEvent { WeaveEvent(.taskStarted, task: task) }

    package static func attemptFailed(task: String, attempt: Int, error: any Error, willRetry: Bool)
        -> WeaveEvent
    {
        WeaveEvent(.attemptFailed, task: task, attempt: attempt, error: error, willRetry: willRetry)
    }

    package static func taskFinished(task: String, duration: Duration) -> WeaveEvent {
        WeaveEvent(.taskFinished, task: task, duration: duration)
    }

    package static func taskFailed(task: String, error: any Error, duration: Duration?) -> WeaveEvent {
        WeaveEvent(.taskFailed, task: task, error: error, duration: duration)
    }

    package static func taskCancelled(task: String) -> WeaveEvent { WeaveEvent(.taskCancelled, task: task) }

    package static func weaveFinished(duration: Duration, error: (any Error)?) -> WeaveEvent {
        WeaveEvent(.weaveFinished, error: error, duration: duration)
    }
}

/// Receives a weave's events as they happen: the hook for logging, metrics and tracing.
///
/// Events arrive on whichever thread produced them, sometimes concurrently, so an observer must
/// be thread-safe and quick; it runs inline with the scheduler.
///
/// ```swift
/// struct PrintingObserver: WeaveObserver {
///     func observe(_ event: WeaveEvent) { print(event) }
/// }
/// try await weave(options: .observer(PrintingObserver())) { … }
/// ```
public protocol WeaveObserver: Sendable {
    /// Called once per event.
    func observe(_ event: WeaveEvent)
}
