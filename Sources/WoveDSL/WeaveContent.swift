/// Anything that contributes task declarations to a weave: a single ``TaskNode``,
/// a ``TaskList`` built by ``WeaveBuilder``, or your own grouping of them.
public protocol WeaveContent: Sendable {
    /// The declarations this content contributes, in declaration order.
    var taskList: TaskList { get }
}

/// An ordered list of task declarations, as a ``WeaveBuilder`` block produces it.
///
/// Later declarations of a name replace earlier ones when the weave compiles.
public struct TaskList: WeaveContent {
    /// One declaration is held as it is: each `Task` statement of a block, or each pass of a
    /// loop, then costs no array of its own before the block joins them into one.
    private enum Storage: Sendable {
        case one(TaskDefinition)
        case many([TaskDefinition])
    }

    private var storage: Storage

    package var definitions: [TaskDefinition] {
        switch storage {
        case .one(let definition): [definition]
        case .many(let definitions): definitions
        }
    }

    package init(_ definitions: [TaskDefinition]) { storage = .many(definitions) }

    package init(_ definition: TaskDefinition) { storage = .one(definition) }

    /// An empty list.
    public init() { storage = .many([]) }

    /// How many declarations it holds.
    var count: Int {
        switch storage {
        case .one: 1
        case .many(let definitions): definitions.count
        }
    }

    /// The declared task names, in declaration order (an overridden name appears once per declaration).
    public var names: [String] { definitions.map(\.name) }

    /// Itself.
    public var taskList: TaskList { self }

    /// The declarations of `lists`, in order; a single list as it is.
    init(joining lists: [TaskList]) {
        if lists.count == 1 {
            self = lists[0]
            return
        }
        var definitions: [TaskDefinition] = []
        definitions.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { list.append(to: &definitions) }
        storage = .many(definitions)
    }

    /// Appends its declarations to `list`.
    private func append(to list: inout [TaskDefinition]) {
        switch storage {
        case .one(let definition): list.append(definition)
        case .many(let definitions): list.append(contentsOf: definitions)
        }
    }
}
