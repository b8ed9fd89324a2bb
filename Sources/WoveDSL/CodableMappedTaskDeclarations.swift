/// Declares a synchronous mapped task whose items, inputs and output are `Codable`, so its
/// items can also run in another process: routed with `.environment(_:)`, each item travels as
/// one `run_task` frame whose `args` hold the element as `item` next to the other inputs.
///
/// Swift picks this form by itself when the types allow it; nothing changes at the call site.
///
/// - Parameters: as the synchronous `Task(_:over:after:fileID:line:_:)`.
@inlinable
public func Task<Items: Sequence, each Input: Sendable & Codable, Output: Sendable & Codable>(
    _ name: String,
    over items: Items,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Items.Element, repeat each Input) throws -> Output
) -> MappedTaskNode<Output> where Items.Element: Sendable & Codable {
    let elements = Array(items)
    let signature = TaskSignature(
        name, after: Dependency<Items.Element>(stringLiteral: "item"), repeat each dependencies,
        at: SourceLocation(fileID: fileID, line: line))
    return mapOverSync(
        name, over: elements, after: repeat each dependencies, fileID: fileID, line: line, body
    )
    .sendingItems(
        codec: CodableTaskCodec<Items.Element, repeat each Input, Output>.self,
        elements: { _ in elements }, declared: true,
        item: .sync { arguments in
            var reader = ArgumentReader(arguments)
            return try body(
                try reader.next(Items.Element.self, for: signature),
                repeat try reader.next((each Input).self, for: signature))
        })
}

/// Declares an asynchronous mapped task whose items, inputs and output are `Codable`, so its
/// items can also run in another process, one `run_task` frame per item.
///
/// - Parameters: as the asynchronous `Task(_:over:after:fileID:line:_:)`.
@inlinable
public func Task<Items: Sequence, each Input: Sendable & Codable, Output: Sendable & Codable>(
    _ name: String,
    over items: Items,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Items.Element, repeat each Input) async throws -> Output
) -> MappedTaskNode<Output> where Items.Element: Sendable & Codable {
    let elements = Array(items)
    let signature = TaskSignature(
        name, after: Dependency<Items.Element>(stringLiteral: "item"), repeat each dependencies,
        at: SourceLocation(fileID: fileID, line: line))
    return mapOverAsync(
        name, over: elements, after: repeat each dependencies, fileID: fileID, line: line, body
    )
    .sendingItems(
        codec: CodableTaskCodec<Items.Element, repeat each Input, Output>.self,
        elements: { _ in elements }, declared: true,
        item: .async { arguments in
            var reader = ArgumentReader(arguments)
            return try await body(
                try reader.next(Items.Element.self, for: signature),
                repeat try reader.next((each Input).self, for: signature))
        })
}

/// Declares a synchronous task mapped over another node's sequence, whose items, inputs and
/// output are `Codable`, so its items can also run in another process, one `run_task` frame per
/// item.
///
/// - Parameters: as the synchronous `Task(_:mapping:after:fileID:line:_:)`.
public func Task<Element: Sendable & Codable, each Input: Sendable & Codable, Output: Sendable & Codable>(
    _ name: String,
    mapping source: Dependency<[Element]>,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Element, repeat each Input) throws -> Output
) -> MappedTaskNode<Output> {
    let location = SourceLocation(fileID: fileID, line: line)
    let signature = TaskSignature(
        name, after: Dependency<Element>(stringLiteral: "item"), repeat each dependencies, at: location)
    let sourceSignature = TaskSignature(name, after: repeat each dependencies, at: location)
    return mapSourceSync(
        name, mapping: source, after: repeat each dependencies, fileID: fileID, line: line, body
    )
    .sendingItems(
        codec: CodableTaskCodec<Element, repeat each Input, Output>.self,
        elements: { value in
            try SequenceSource.elements(of: value, as: Element.self, for: sourceSignature, from: source)
        },
        declared: false,
        item: .sync { arguments in
            var reader = ArgumentReader(arguments)
            return try body(
                try reader.next(Element.self, for: signature),
                repeat try reader.next((each Input).self, for: signature))
        })
}

/// Declares an asynchronous task mapped over another node's sequence, whose items, inputs and
/// output are `Codable`, so its items can also run in another process, one `run_task` frame per
/// item.
///
/// - Parameters: as the asynchronous `Task(_:mapping:after:fileID:line:_:)`.
public func Task<Element: Sendable & Codable, each Input: Sendable & Codable, Output: Sendable & Codable>(
    _ name: String,
    mapping source: Dependency<[Element]>,
    after dependencies: repeat Dependency<each Input>,
    fileID: StaticString = #fileID,
    line: Int = #line,
    _ body: @escaping @Sendable (Element, repeat each Input) async throws -> Output
) -> MappedTaskNode<Output> {
    let location = SourceLocation(fileID: fileID, line: line)
    let signature = TaskSignature(
        name, after: Dependency<Element>(stringLiteral: "item"), repeat each dependencies, at: location)
    let sourceSignature = TaskSignature(name, after: repeat each dependencies, at: location)
    return mapSourceAsync(
        name, mapping: source, after: repeat each dependencies, fileID: fileID, line: line, body
    )
    .sendingItems(
        codec: CodableTaskCodec<Element, repeat each Input, Output>.self,
        elements: { value in
            try SequenceSource.elements(of: value, as: Element.self, for: sourceSignature, from: source)
        },
        declared: false,
        item: .async { arguments in
            var reader = ArgumentReader(arguments)
            return try await body(
                try reader.next(Element.self, for: signature),
                repeat try reader.next((each Input).self, for: signature))
        })
}

extension MappedTaskNode {
    /// This node, able to send its items to another process: `codec` converts one item's
    /// arguments (element first) and result, `item` is the body a worker runs per item.
    @usableFromInline
    func sendingItems<Element: Sendable & Codable>(
        codec: any RemoteCodec.Type,
        elements: @escaping @Sendable (_ source: (any Sendable)?) throws -> [Element],
        declared: Bool,
        item: RemoteBody
    ) -> Self {
        guard case .mapped(var mapped) = declaration.definition.body else { return self }
        let encodeItems: @Sendable () throws -> [JSONValue] = {
            try elements(nil).map { try JSONValue(encoding: $0) }
        }
        let localItems = declared ? encodeItems : nil
        let decodeResults: @Sendable ([JSONValue]) throws -> any Sendable = { results in
            try results.map { json -> Item in
                let value = try codec.decodeResult(json)
                guard let typed = value as? Item else {
                    throw CodecError.result(
                        String(reflecting: type(of: value)), expected: String(reflecting: Item.self))
                }
                return typed
            }
        }
        mapped.remote = RemoteMapping(item: item, localItems: localItems, decodeResults: decodeResults) {
            source, arguments, send in
            let elements = try elements(source)
            return MappedRun(
                count: elements.count,
                item: .async { index in
                    let value = try await send([elements[index]] + arguments)
                    guard let typed = value as? Item else {
                        throw CodecError.result(
                            String(reflecting: type(of: value)), expected: String(reflecting: Item.self))
                    }
                    return typed
                })
        }
        return changing {
            $0.body = .mapped(mapped)
            $0.codec = codec
        }
    }
}
