/// A declared task: its name, where it was declared, and the type it produces.
///
/// `Task(...)` returns a node. Nodes are values: declare one outside a `weave` block, include
/// it in the block, name it in another task's `after:` (the compiler then checks the type it
/// passes on), and read its result with the type it declared:
///
/// ```swift
/// let answer = Task("answer") { 42 }
/// let doubled = Task("doubled", after: answer) { value in value * 2 }
/// let result = try await weave { answer; doubled }
/// let value: Int = try result[doubled]
/// ```
///
/// A node is immutable: each modifier returns a new one.
public final class TaskNode<Output: Sendable>: DeclaredNode<Output>, TaskDeclaring, @unchecked Sendable {
    // Safe to share: it adds no stored property to its immutable base class.
}

/// What every node type shares: a dependency on its task, with the declaration its modifiers
/// change. Use ``TaskNode`` and ``MappedTaskNode``.
public class DeclaredNode<Value: Sendable>: Dependency<Value>, @unchecked Sendable {
    // Safe to share: every stored property, here and in the base class, is a constant.

    /// The declaration the modifiers change.
    public let declaration: TaskDeclaration

    /// A node for `declaration`, as the modifiers make it.
    public required init(declaration: TaskDeclaration) {
        self.declaration = declaration
        super.init(named: declaration.definition.name)
    }

    @usableFromInline
    package convenience init(definition: TaskDefinition) {
        self.init(declaration: TaskDeclaration(definition))
    }

    /// Not a declaration: a string literal only names a task, in `after:`. A node made this way
    /// fails its weave with an error saying so.
    public required init(stringLiteral value: String) {
        declaration = .undeclared(value, producing: Value.self)
        super.init(named: value)
    }
}

/// A task that runs its body once per item and produces the results in item order.
///
/// `Task(_:over:…)` maps over a collection given at declaration;
/// `Task(_:mapping:…)` maps over another task's result. Only mapped tasks
/// have ``workers(_:)`` and ``limitPerMinute(_:)``. As a dependency, it passes on the whole
/// list of results.
public final class MappedTaskNode<Item: Sendable>: DeclaredNode<[Item]>, TaskDeclaring, @unchecked Sendable {
    // Safe to share: it adds no stored property to its immutable base class.

    /// A mapped task produces one result per item, in item order.
    public typealias Output = [Item]

    /// Runs at most `count` items at once (default: the weave's `maxWorkers` for synchronous items,
    /// 1,024 for `async` ones, which hold no thread).
    public func workers(_ count: Int) -> MappedTaskNode<Item> { changing { $0.options.workers = count } }

    /// Starts at most `count` item attempts per minute, evenly spaced (one every `60 / count`
    /// seconds); each attempt takes its slot right before its body runs.
    public func limitPerMinute(_ count: Int) -> MappedTaskNode<Item> {
        changing { $0.options.limitPerMinute = count }
    }
}

extension TaskNode {
    /// Only mapped tasks run items in parallel.
    @available(
        *, unavailable,
        message: "workers(_:) applies to mapped tasks only: declare the task with over: or mapping:"
    )
    public func workers(_ count: Int) -> TaskNode<Output> { self }

    /// Only mapped tasks pace their items.
    @available(
        *, unavailable,
        message: "limitPerMinute(_:) applies to mapped tasks only: declare the task with over: or mapping:"
    )
    public func limitPerMinute(_ count: Int) -> TaskNode<Output> { self }
}
