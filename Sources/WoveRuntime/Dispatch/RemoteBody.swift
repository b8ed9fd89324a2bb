/// The body a worker runs for one remote run: a plain task's body, or one item of a mapped
/// task (the element first, then the task's inputs). Never itself mapped.
@usableFromInline
package enum RemoteBody: Sendable {
    case sync(@Sendable ([any Sendable]) throws -> any Sendable)
    case async(@Sendable ([any Sendable]) async throws -> any Sendable)
}
