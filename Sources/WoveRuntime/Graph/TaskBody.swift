/// A task's closure with its inputs erased to an argument array.
///
/// A `sync` body never suspends and runs on Wove's blocking pool; an `async`
/// body runs as a child task of the weave.
package enum TaskBody: Sendable {
    case sync(@Sendable ([any Sendable]) throws -> any Sendable)
    case async(@Sendable ([any Sendable]) async throws -> any Sendable)

    package var isAsync: Bool {
        if case .async = self { return true }
        return false
    }
}
