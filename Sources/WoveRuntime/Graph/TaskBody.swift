/// A task's closure with its inputs erased to an argument array.
///
/// A `sync` body never suspends and runs on Wove's blocking pool; an `async`
/// body runs as a child task of the weave; a `mapped` body runs once per item.
@usableFromInline
package enum TaskBody: Sendable {
    case sync(@Sendable ([any Sendable]) throws -> any Sendable)
    case async(AsyncBody)
    case mapped(MappedBody)

    /// An `async` body. It runs on its caller's executor (`nonisolated(nonsending)`): the task
    /// that runs it calls it with no switch on the way in or out.
    @usableFromInline
    package typealias AsyncBody =
        nonisolated(nonsending) @Sendable ([any Sendable]) async throws -> any Sendable

    package var isAsync: Bool {
        switch self {
        case .sync: false
        case .async: true
        case .mapped(let body): body.isAsync
        }
    }
}
