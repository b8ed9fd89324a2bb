public import WoveRuntime

/// Compiles the tasks of `content` without running any, and returns the plan.
///
/// Everything `weave` checks before running is checked here too, so it is the way to validate
/// a graph, print its ``ExecutionPlan/describe()`` report, or draw it:
///
/// ```swift
/// let plan = try plan(["ids": [1, 2, 3]]) {
///     Task("doubled", mapping: "ids") { (id: Int) in id * 2 }
///     Task("total", after: "doubled") { (values: [Int]) in values.reduce(0, +) }
/// }
/// print(plan.describe())
/// print(plan.mermaid())
/// ```
///
/// - Parameters:
///   - data: Initialization values, as for `weave`.
///   - options: The options the weave would run with; ``WeaveOption/environment(_:)`` decides
///     where tasks that name no environment run, and every value is checked as `weave` checks it.
///   - content: The task declarations.
/// - Throws: The ``WeaveError`` that `weave` would throw before running.
public func plan(
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<ForegroundWeave>...,
    @WeaveBuilder content: () throws -> TaskList
) throws -> ExecutionPlan {
    try prepareWeave(nil, data: data, options: RunOptions(options), content: content).plan
}

/// Compiles a reusable ``Weave``'s tasks, followed by `content`'s, without running any.
///
/// - Parameters:
///   - template: The reusable weave, whose tasks come first.
///   - data: Initialization values, as for `weave`.
///   - options: The options the weave would run with, as for ``plan(_:options:content:)``.
///   - content: Inline tasks that override or extend the weave's.
/// - Throws: The ``WeaveError`` that `weave` would throw before running.
public func plan(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<ForegroundWeave>...,
    @WeaveBuilder content: () throws -> TaskList = { TaskList() }
) throws -> ExecutionPlan {
    try prepareWeave(template, data: data, options: RunOptions(options), content: content).plan
}
