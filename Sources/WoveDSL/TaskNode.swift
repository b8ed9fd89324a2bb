/// A declared task: its name, where it was declared, and the type it produces.
///
/// `Task(...)` returns a node. Nodes are values: declare one outside a
/// `weave` block, include it in the block, and read its result with the
/// type it declared:
///
/// ```swift
/// let answer = Task("answer") { 42 }
/// let result = try await weave { answer }
/// let value: Int = try result[answer]
/// ```
public struct TaskNode<Output: Sendable>: WeaveContent {
    package let definition: TaskDefinition

    package init(definition: TaskDefinition) { self.definition = definition }

    /// The task's name, unique within a weave (a later declaration replaces an earlier one).
    public var name: String { definition.name }

    /// Where the task was declared.
    public var location: SourceLocation { definition.location }

    /// The names the task depends on, one per body parameter, in order.
    public var dependencies: [String] { definition.dependencies }

    /// Whether the body is `async` (runs as a child task) rather than synchronous
    /// (runs on Wove's blocking pool).
    public var isAsync: Bool { definition.body.isAsync }

    /// This one task.
    public var taskList: TaskList { TaskList([definition]) }
}
