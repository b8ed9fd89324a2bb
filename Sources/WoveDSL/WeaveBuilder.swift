/// Collects the tasks declared in a `weave { … }` block.
///
/// Besides plain declarations it supports `if`, `if`/`else`, `switch`,
/// `for … in` and optional content, so a graph can be generated:
///
/// ```swift
/// try await weave(["ids": [1, 2, 3]]) {
///     for shard in 0..<3 {
///         Task("shard_\(shard)") { shard * 10 }
///     }
///     if verbose {
///         Task("log") { print("running") }
///     }
/// }
/// ```
@resultBuilder
public enum WeaveBuilder {
    /// Accepts a node, a list, or any other ``WeaveContent``.
    public static func buildExpression(_ content: some WeaveContent) -> TaskList {
        content.taskList
    }

    /// Accepts optional content; `nil` contributes nothing.
    public static func buildExpression(_ content: (some WeaveContent)?) -> TaskList {
        content?.taskList ?? TaskList()
    }

    /// An empty block.
    public static func buildBlock() -> TaskList { TaskList() }

    /// The first declaration of a block.
    public static func buildPartialBlock(first: TaskList) -> TaskList { first }

    /// Each further declaration, appended in order.
    public static func buildPartialBlock(accumulated: consuming TaskList, next: TaskList) -> TaskList {
        accumulated.append(contentsOf: next)
        return accumulated
    }

    /// An `if` without `else`.
    public static func buildOptional(_ content: TaskList?) -> TaskList { content ?? TaskList() }

    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first content: TaskList) -> TaskList { content }

    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second content: TaskList) -> TaskList { content }

    /// The iterations of a `for … in` loop, in order.
    public static func buildArray(_ contents: [TaskList]) -> TaskList {
        var definitions: [TaskDefinition] = []
        definitions.reserveCapacity(contents.reduce(0) { $0 + $1.count })
        for content in contents { content.append(to: &definitions) }
        return TaskList(definitions)
    }

    /// An `if #available` branch.
    public static func buildLimitedAvailability(_ content: TaskList) -> TaskList { content }
}
