/// Declares a synchronous task whose inputs and output are `Codable`, so it can also run in
/// another process: routed with `.environment(_:)` to a worker, or served by a ``WoveWorker``.
///
/// Swift picks this form by itself when the types allow it; nothing changes at the call site.
///
/// - Parameters: as the synchronous `Task(_:after:fileID:line:_:)`.
@inlinable
public func Task<each Input: Sendable & Codable, Output: Sendable & Codable>(
    _ name: String,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (repeat each Input) throws -> Output
) -> TaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    let definition = signature.definition(
        output: Output.self,
        body: .sync { arguments in
            var reader = ArgumentReader(arguments)
            return try body(repeat try reader.next((each Input).self, for: signature))
        },
        codec: CodableTaskCodec<repeat each Input, Output>.self)
    return TaskNode(definition: definition)
}

/// Declares an asynchronous task whose inputs and output are `Codable`, so it can also run in
/// another process: routed with `.environment(_:)` to a worker, or served by a ``WoveWorker``.
///
/// - Parameters: as the asynchronous `Task(_:after:fileID:line:_:)`.
@inlinable
public func Task<each Input: Sendable & Codable, Output: Sendable & Codable>(
    _ name: String,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (repeat each Input) async throws -> Output
) -> TaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    let definition = signature.definition(
        output: Output.self,
        body: .async { arguments in
            var reader = ArgumentReader(arguments)
            return try await body(repeat try reader.next((each Input).self, for: signature))
        },
        codec: CodableTaskCodec<repeat each Input, Output>.self)
    return TaskNode(definition: definition)
}
