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

    /// A block's declarations, in order, in one array sized once (an empty block has none).
    public static func buildBlock(_ components: TaskList...) -> TaskList { TaskList(joining: components) }

    /// An `if` without `else`.
    public static func buildOptional(_ content: TaskList?) -> TaskList { content ?? TaskList() }

    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first content: TaskList) -> TaskList { content }

    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second content: TaskList) -> TaskList { content }

    /// The iterations of a `for … in` loop, in order.
    public static func buildArray(_ contents: [TaskList]) -> TaskList { TaskList(joining: contents) }

    /// An `if #available` branch.
    public static func buildLimitedAvailability(_ content: TaskList) -> TaskList { content }
}
