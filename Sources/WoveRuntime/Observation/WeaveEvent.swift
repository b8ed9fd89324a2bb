/// Something that happened in a weave, as reported to a ``WeaveObserver``.
public enum WeaveEvent: Sendable {
    /// The weave compiled and is about to start its tasks.
    case weaveStarted(taskCount: Int)
    /// A task's first attempt is starting.
    case taskStarted(task: String)
    /// An attempt failed; `willRetry` tells whether another attempt follows.
    case attemptFailed(task: String, attempt: Int, error: any Error, willRetry: Bool)
    /// A task succeeded after `duration` (all attempts included).
    case taskFinished(task: String, duration: Duration)
    /// A task failed, or never ran because a dependency failed (`duration` is then `nil`).
    case taskFailed(task: String, error: any Error, duration: Duration?)
    /// A task was cancelled, or never ran because the weave stopped first.
    case taskCancelled(task: String)
    /// Every task settled after `duration`; `error` is the weave's first task error.
    case weaveFinished(duration: Duration, error: (any Error)?)
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
