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
public struct TaskNode<Output: Sendable>: TaskDeclaring {
    /// The declaration the modifiers change.
    public var declaration: TaskDeclaration

    package init(definition: TaskDefinition) { self.declaration = TaskDeclaration(definition) }
}

/// A task that runs its body once per item and produces the results in item order.
///
/// `Task(_:over:…)` maps over a collection given at declaration;
/// `Task(_:mapping:…)` maps over another task's result. Only mapped tasks
/// have ``workers(_:)`` and ``limitPerMinute(_:)``.
public struct MappedTaskNode<Item: Sendable>: TaskDeclaring {
    /// A mapped task produces one result per item, in item order.
    public typealias Output = [Item]

    /// The declaration the modifiers change.
    public var declaration: TaskDeclaration

    package init(definition: TaskDefinition) { self.declaration = TaskDeclaration(definition) }

    /// Runs at most `count` items at once (default: the weave's `maxWorkers` for synchronous items,
    /// 1,024 for `async` ones, which hold no thread).
    public func workers(_ count: Int) -> Self {
        var copy = self
        copy.declaration.definition.options.workers = count
        return copy
    }

    /// Starts at most `count` item attempts per minute, evenly spaced (one every `60 / count`
    /// seconds); each attempt takes its slot right before its body runs.
    public func limitPerMinute(_ count: Int) -> Self {
        var copy = self
        copy.declaration.definition.options.limitPerMinute = count
        return copy
    }
}
