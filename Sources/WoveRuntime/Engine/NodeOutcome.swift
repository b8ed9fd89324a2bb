/// How one node of a weave ended.
package enum NodeOutcome: Sendable {
    /// Not finished (only seen while the weave runs).
    case pending
    /// Succeeded with this value.
    case value(any Sendable)
    /// Failed with this error, or a dependency failed with it.
    case failure(any Error)
    /// Cancelled by the weave, or never started because a dependency was cancelled.
    case cancelled
}

/// How one run of a task ended, as recorded on the ``ScheduleBoard``.
struct ChildOutcome: Sendable {
    let index: Int
    let result: Result<any Sendable, any Error>
    /// `nil` for a task cancelled before its body started.
    let duration: Duration?
}
