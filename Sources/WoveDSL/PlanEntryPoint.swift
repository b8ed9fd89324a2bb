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
///   - template: A reusable weave whose tasks come first, or `nil`.
///   - data: Initialization values, as for `weave`.
///   - environment: The environment of tasks that name none.
///   - content: The task declarations.
/// - Throws: The ``WeaveError`` that `weave` would throw before running.
public func plan(
    _ template: (any Weave)? = nil,
    _ data: [String: any Sendable] = [:],
    environment: String? = nil,
    @WeaveBuilder _ content: () throws -> TaskList = { TaskList() }
) throws -> ExecutionPlan {
    try prepareWeave(
        template, data: data, settings: WeaveSettings(environment: environment), content: content
    ).plan
}
