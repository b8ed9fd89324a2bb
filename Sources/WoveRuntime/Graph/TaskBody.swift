/// A task's closure with its inputs erased to an argument array.
///
/// A `sync` body never suspends and runs on Wove's blocking pool; an `async`
/// body runs in a child task of the weave, or in the weave's own task while nothing else is in
/// flight; a `mapped` body runs once per item.
@usableFromInline
package enum TaskBody: Sendable {
    case sync(@Sendable ([any Sendable]) throws -> any Sendable)
    case async(AsyncBody)
    case mapped(MappedBody)

    /// An `async` body: the DSL's wrapper that reads the arguments and calls the user's closure.
    /// It runs on its caller's executor (`nonisolated(nonsending)`), the generic one for every
    /// task of a weave (see ``WeaveEngine``), so calling it switches no executor; the user's
    /// closure inside switches as any plain `async` closure does.
    @usableFromInline
    package typealias AsyncBody =
        nonisolated(nonsending) @Sendable ([any Sendable]) async throws -> any Sendable

    /// Which of the three a body is: all a ``Runnable`` depends on.
    enum Kind: Sendable {
        /// ``TaskBody/sync(_:)``.
        case sync
        /// ``TaskBody/async(_:)``.
        case async
        /// ``TaskBody/mapped(_:)``.
        case mapped
    }

    /// Which of the three this body is.
    var kind: Kind {
        switch self {
        case .sync: .sync
        case .async: .async
        case .mapped: .mapped
        }
    }

    package var isAsync: Bool {
        switch self {
        case .sync: false
        case .async: true
        case .mapped(let body): body.isAsync
        }
    }
}
