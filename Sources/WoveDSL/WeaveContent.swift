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
    package var definitions: [TaskDefinition]

    package init(_ definitions: [TaskDefinition]) { self.definitions = definitions }

    /// An empty list.
    public init() { self.definitions = [] }

    /// The declared task names, in declaration order (an overridden name appears once per declaration).
    public var names: [String] { definitions.map(\.name) }

    /// Itself.
    public var taskList: TaskList { self }

    package mutating func append(contentsOf other: TaskList) {
        definitions.append(contentsOf: other.definitions)
    }
}
