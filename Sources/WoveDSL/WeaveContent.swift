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

    package mutating func append(contentsOf other: TaskList) {
        var joined = definitions
        storage = .many([])  // so that `joined` is the array's only reference, and grows in place
        other.append(to: &joined)
        storage = .many(joined)
    }

    /// Appends its declarations to `list`.
    func append(to list: inout [TaskDefinition]) {
        switch storage {
        case .one(let definition): list.append(definition)
        case .many(let definitions): list.append(contentsOf: definitions)
        }
    }
}
