// The bodies of the mapped `Task` forms. Every public overload, Codable-constrained or not,
// forwards here, so the Codable forms can add their remote half without calling themselves.

/// Builds a synchronous task mapped over a local collection (the public `Task(_:over:)` forms forward here).
@usableFromInline
func mapOverSync<Element: Sendable, each Input: Sendable, Output: Sendable>(
    _ name: String,
    over elements: [Element],
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString,
    line: Int,
    _ body: @escaping @Sendable (Element, repeat each Input) throws -> Output
) -> MappedTaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    let mapped = MappedBody(isAsync: false) { _, arguments in
        var reader = ArgumentReader(arguments)
        let inputs = (repeat try reader.next((each Input).self, for: signature))
        return MappedRun(
            count: elements.count, item: .sync { index in try body(elements[index], repeat each inputs) })
    }
    return MappedTaskNode(
        definition: signature.definition(
            output: [Output].self, body: .mapped(mapped), mapping: .local(count: elements.count)))
}

/// Builds an asynchronous task mapped over a local collection.
@usableFromInline
func mapOverAsync<Element: Sendable, each Input: Sendable, Output: Sendable>(
    _ name: String,
    over elements: [Element],
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString,
    line: Int,
    _ body: @escaping @Sendable (Element, repeat each Input) async throws -> Output
) -> MappedTaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    let mapped = MappedBody(isAsync: true) { _, arguments in
        var reader = ArgumentReader(arguments)
        let inputs = (repeat try reader.next((each Input).self, for: signature))
        return MappedRun(
            count: elements.count,
            item: .async { index in try await body(elements[index], repeat each inputs) })
    }
    return MappedTaskNode(
        definition: signature.definition(
            output: [Output].self, body: .mapped(mapped), mapping: .local(count: elements.count)))
}

/// Builds a synchronous task mapped over an upstream node's sequence.
func mapSourceSync<Element: Sendable, each Input: Sendable, Output: Sendable>(
    _ name: String,
    mapping source: Dependency<[Element]>,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString,
    line: Int,
    _ body: @escaping @Sendable (Element, repeat each Input) throws -> Output
) -> MappedTaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    let mapped = MappedBody(isAsync: false) { sourceValue, arguments in
        let elements = try SequenceSource.elements(
            of: sourceValue, as: Element.self, for: signature, from: source)
        var reader = ArgumentReader(arguments)
        let inputs = (repeat try reader.next((each Input).self, for: signature))
        return MappedRun(
            count: elements.count, item: .sync { index in try body(elements[index], repeat each inputs) })
    }
    return MappedTaskNode(
        definition: signature.definition(
            output: [Output].self, body: .mapped(mapped),
            mapping: SequenceSource.mapping(source, of: Element.self)))
}

/// Builds an asynchronous task mapped over an upstream node's sequence.
func mapSourceAsync<Element: Sendable, each Input: Sendable, Output: Sendable>(
    _ name: String,
    mapping source: Dependency<[Element]>,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString,
    line: Int,
    _ body: @escaping @Sendable (Element, repeat each Input) async throws -> Output
) -> MappedTaskNode<Output> {
    let signature = TaskSignature(
        name, after: repeat each dependencies, at: SourceLocation(fileID: fileID, line: line))
    let mapped = MappedBody(isAsync: true) { sourceValue, arguments in
        let elements = try SequenceSource.elements(
            of: sourceValue, as: Element.self, for: signature, from: source)
        var reader = ArgumentReader(arguments)
        let inputs = (repeat try reader.next((each Input).self, for: signature))
        return MappedRun(
            count: elements.count,
            item: .async { index in try await body(elements[index], repeat each inputs) })
    }
    return MappedTaskNode(
        definition: signature.definition(
            output: [Output].self, body: .mapped(mapped),
            mapping: SequenceSource.mapping(source, of: Element.self)))
}
