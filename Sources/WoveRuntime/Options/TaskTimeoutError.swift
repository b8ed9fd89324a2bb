/// A task attempt ran longer than its `.timeout(_:)`.
///
/// Each attempt has its own limit, and a timed-out attempt is retried while
/// retries remain; the last attempt's timeout becomes the task's error.
/// A synchronous body cannot be interrupted: its attempt fails at the limit,
/// the thread finishes the body in the background and its value is discarded,
/// and the weave returns only once that thread is done.
public struct TaskTimeoutError: Error, Sendable, CustomStringConvertible {
    /// The task that timed out.
    public let taskName: String
    /// Where that task was declared.
    public let location: SourceLocation
    /// The limit each attempt had.
    public let limit: Duration
    /// Which attempt timed out (1 for the first).
    public let attempt: Int

    package init(taskName: String, location: SourceLocation, limit: Duration, attempt: Int) {
        self.taskName = taskName
        self.location = location
        self.limit = limit
        self.attempt = attempt
    }

    /// `Task 'fetch' (Main.swift:12) timed out after 0.5 seconds (attempt 2).`
    public var description: String {
        "Task '\(taskName)' (\(location)) timed out after \(limit) (attempt \(attempt))."
    }
}
