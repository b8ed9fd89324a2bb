/// Declares a synchronous task that runs `body` once per element of `items`, producing the
/// results in element order.
///
/// ```swift
/// Task("squares", over: [10, 20, 30]) { (item: Int) in item * item }  // [100, 400, 900]
/// Task("scaled", over: 1...3, after: "factor") { (item: Int, factor: Int) in item * factor }
/// ```
///
/// Items run concurrently, at most ``MappedTaskNode/workers(_:)`` at once, each on Wove's
/// blocking pool; the first item to fail cancels the others and fails the task.
///
/// - Parameters:
///   - name: The task's name.
///   - items: The elements to map over, copied into an array when the task is declared.
///   - dependencies: More inputs, passed to every item after the element.
///   - fileID: The declaring file, captured for error messages.
///   - line: The declaring line, captured for error messages.
///   - body: The work for one element.
@inlinable
public func Task<Items: Sequence, each Input: Sendable, Output: Sendable>(
    _ name: String,
    over items: Items,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Items.Element, repeat each Input) throws -> Output
) -> MappedTaskNode<Output> where Items.Element: Sendable {
    mapOverSync(
        name, over: Array(items), after: repeat each dependencies, fileID: fileID, line: line, body)
}

/// Declares an asynchronous task that runs `body` once per element of `items`, producing the
/// results in element order.
///
/// ```swift
/// Task("pages", over: urls) { (url: URL) in try await fetch(url) }.workers(8)
/// ```
///
/// - Parameters: as the synchronous `Task(_:over:after:fileID:line:_:)`.
@inlinable
public func Task<Items: Sequence, each Input: Sendable, Output: Sendable>(
    _ name: String,
    over items: Items,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Items.Element, repeat each Input) async throws -> Output
) -> MappedTaskNode<Output> where Items.Element: Sendable {
    mapOverAsync(
        name, over: Array(items), after: repeat each dependencies, fileID: fileID, line: line, body)
}

/// Declares a synchronous task that runs `body` once per element of another node's result,
/// producing the results in element order.
///
/// ```swift
/// Task("ids") { [1, 2, 3] }
/// Task("doubled", mapping: "ids") { (id: Int) in id * 2 }                 // [2, 4, 6]
/// Task("labels", mapping: "ids", after: "prefix") { (id: Int, prefix: String) in "\(prefix)\(id)" }
/// ```
///
/// The source must produce a sequence of the body's first parameter type; anything else is
/// rejected before the weave runs. Naming the source in `after:` too passes the whole sequence.
///
/// - Parameters:
///   - name: The task's name.
///   - source: The task or initialization value whose sequence to map over.
///   - dependencies: More inputs, passed to every item after the element.
///   - fileID: The declaring file, captured for error messages.
///   - line: The declaring line, captured for error messages.
///   - body: The work for one element.
public func Task<Element: Sendable, each Input: Sendable, Output: Sendable>(
    _ name: String,
    mapping source: Dependency<[Element]>,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Element, repeat each Input) throws -> Output
) -> MappedTaskNode<Output> {
    mapSourceSync(
        name, mapping: source, after: repeat each dependencies, fileID: fileID, line: line, body)
}

/// Declares an asynchronous task that runs `body` once per element of another node's result,
/// producing the results in element order.
///
/// ```swift
/// Task("profiles", mapping: "ids") { (id: Int) in try await api.profile(id) }
///     .workers(8).limitPerMinute(600)
/// ```
///
/// - Parameters: as the synchronous `Task(_:mapping:after:fileID:line:_:)`.
public func Task<Element: Sendable, each Input: Sendable, Output: Sendable>(
    _ name: String,
    mapping source: Dependency<[Element]>,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Element, repeat each Input) async throws -> Output
) -> MappedTaskNode<Output> {
    mapSourceAsync(
        name, mapping: source, after: repeat each dependencies, fileID: fileID, line: line, body)
}
