/// Declares a synchronous task named `name` whose body takes the values of
/// the `after:` dependencies, in order.
///
/// A body without `await` is synchronous: it runs on Wove's bounded blocking
/// pool (see `maxWorkers` on `weave`), never on Swift's cooperative pool, so
/// it may block.
///
/// ```swift
/// Task("total", after: "prices", "tax") { (prices: [Double], tax: Double) in
///     prices.reduce(0, +) * (1 + tax)
/// }
/// ```
///
/// The number of names in `after:` must match the body's parameters, and the
/// graph compiler checks each parameter type against its producer's output
/// before anything runs.
///
/// - Parameters:
///   - name: The task's name; a later declaration with the same name replaces this one.
///   - dependencies: The upstream tasks or initialization values, one per body parameter.
///   - fileID: The declaring file, captured for error messages.
///   - line: The declaring line, captured for error messages.
///   - body: The work; its parameters receive the dependencies' values.
/// - Returns: A node to place in a `weave` block and to read the result with.
@inlinable
public func Task<each Input: Sendable, Output: Sendable>(
    _ name: String,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (repeat each Input) throws -> Output
) -> TaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    return TaskNode(
        definition: signature.definition(
            output: Output.self,
            body: .sync { arguments in
                var reader = ArgumentReader(arguments)
                return try body(repeat try reader.next((each Input).self, for: signature))
            }))
}

/// Declares an asynchronous task named `name` whose body takes the values of
/// the `after:` dependencies, in order.
///
/// An `async` body runs as a child task of the weave and observes the
/// weave's cancellation.
///
/// ```swift
/// Task("user", after: "user_id") { (id: Int) in try await api.user(id) }
/// ```
///
/// - Parameters:
///   - name: The task's name; a later declaration with the same name replaces this one.
///   - dependencies: The upstream tasks or initialization values, one per body parameter.
///   - fileID: The declaring file, captured for error messages.
///   - line: The declaring line, captured for error messages.
///   - body: The work; its parameters receive the dependencies' values.
/// - Returns: A node to place in a `weave` block and to read the result with.
@inlinable
public func Task<each Input: Sendable, Output: Sendable>(
    _ name: String,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (repeat each Input) async throws -> Output
) -> TaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    return TaskNode(
        definition: signature.definition(
            output: Output.self,
            body: .async { arguments in
                let values = try ArgumentReader.read(arguments, for: signature, as: (repeat each Input).self)
                return try await body(repeat each values)
            }))
}
