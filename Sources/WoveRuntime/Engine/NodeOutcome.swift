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

/// What a child task reports to the scheduler loop.
struct ChildOutcome: Sendable {
    let index: Int
    let result: Result<any Sendable, any Error>
    let duration: Duration
}
