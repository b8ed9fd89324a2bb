#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Encodes an `Encodable` value straight into a ``JSONValue`` tree, with no JSON text in between,
/// as `JSONEncoder` would shape it: `Data` as a base64 string, `URL` as its absolute string,
/// `Decimal` as a number, `Date` as its own `Codable` form (seconds since 2001, as
/// `JSONEncoder`'s default). Non-finite numbers are refused, as `JSONEncoder` does.
enum JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        if let special = try special(value, codingPath: []) { return special }
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: []))
        return slot.value ?? .object([:])
    }

    /// The value of types `JSONEncoder` encodes its own way; `nil` for every other type.
    fileprivate static func special(_ value: some Encodable, codingPath: [any CodingKey]) throws -> JSONValue?
    {
        switch value {
        case let json as JSONValue: return json
        // The common leaves first, without an encoder: they are most of what tasks send.
        case let integer as Int: return .integer(integer)
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let data as Data: return .string(data.base64EncodedString())
        case let url as URL: return .string(url.absoluteString)
        case let decimal as Decimal:
            // Through its text: `FoundationEssentials` has no `NSDecimalNumber` to convert it.
            let double = Double(decimal.description) ?? .nan
            return Int(exactly: double).map(JSONValue.integer) ?? .number(double)
        case let double as Double: return try number(double, codingPath)
        case let float as Float: return try number(Double(float), codingPath)
        default: return nil
        }
    }

    fileprivate static func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) cannot be written as JSON."))
        }
        return .number(value)
    }

    fileprivate static func integer<T: BinaryInteger>(_ value: T, _ codingPath: [any CodingKey]) throws
        -> JSONValue
    {
        guard let integer = Int(exactly: value) else {
            throw EncodingError.invalidValue(
                value,
                .init(codingPath: codingPath, debugDescription: "\(value) does not fit a JSON integer here."))
        }
        return .integer(integer)
    }

    /// The encoding of `value` at `codingPath`.
    fileprivate static func encode<T: Encodable>(_ value: T, at codingPath: [any CodingKey]) throws
        -> JSONValue
    {
        if let special = try special(value, codingPath: codingPath) { return special }
        let slot = Slot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
        return slot.value ?? .object([:])
    }
}

/// Where one value of the tree lands: a leaf, or a container still being filled.
private final class Slot {
    enum Content {
        case value(JSONValue)
        case object(ObjectNode)
        case array(ArrayNode)
    }

    var content: Content?

    var value: JSONValue? {
        switch content {
        case nil: nil
        case .value(let value)?: value
        case .object(let node)?: node.value
        case .array(let node)?: node.value
        }
    }

    func object() -> ObjectNode {
        if case .object(let node)? = content { return node }
        let node = ObjectNode()
        content = .object(node)
        return node
    }

    func array() -> ArrayNode {
        if case .array(let node)? = content { return node }
        let node = ArrayNode()
        content = .array(node)
        return node
    }
}

private final class ObjectNode {
    var fields: [String: Slot] = [:]
    var value: JSONValue { .object(fields.compactMapValues(\.value)) }
}

private final class ArrayNode {
    var items: [Slot] = []
    var value: JSONValue { .array(items.map { $0.value ?? .null }) }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer(node: slot.object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(node: slot.array(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ObjectNode
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) {
        let slot = Slot()
        slot.content = .value(value)
        node.fields[key.stringValue] = slot
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try JSONValueEncoder.number(value, codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try JSONValueEncoder.number(Double(value), codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        set(try JSONValueEncoder.integer(value, codingPath + [key]), key)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.integer(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        set(try JSONValueEncoder.integer(value, codingPath + [key]), key)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try JSONValueEncoder.encode(value, at: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let slot = Slot()
        node.fields[key.stringValue] = slot
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(node: slot.object(), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let slot = Slot()
        node.fields[key.stringValue] = slot
        return UnkeyedContainer(node: slot.array(), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(at: NameKey("super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(at: key) }

    private func superEncoder(at key: any CodingKey) -> any Encoder {
        let slot = Slot()
        node.fields[key.stringValue] = slot
        return TreeEncoder(slot: slot, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: ArrayNode
    let codingPath: [any CodingKey]
    var count: Int { node.items.count }

    private var indexKey: any CodingKey { IndexKey(count) }

    private func append(_ value: JSONValue) {
        let slot = Slot()
        slot.content = .value(value)
        node.items.append(slot)
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        append(try JSONValueEncoder.number(value, codingPath + [indexKey]))
    }
    mutating func encode(_ value: Float) throws {
        append(try JSONValueEncoder.number(Double(value), codingPath + [indexKey]))
    }
    mutating func encode(_ value: Int) throws { append(.integer(value)) }
    mutating func encode(_ value: Int8) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws {
        append(try JSONValueEncoder.integer(value, codingPath + [indexKey]))
    }
    mutating func encode(_ value: UInt8) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: UInt16) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: UInt32) throws { append(.integer(Int(value))) }
    mutating func encode(_ value: UInt64) throws {
        append(try JSONValueEncoder.integer(value, codingPath + [indexKey]))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try JSONValueEncoder.encode(value, at: codingPath + [indexKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let slot = Slot()
        let path = codingPath + [indexKey]
        node.items.append(slot)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: slot.object(), codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let slot = Slot()
        let path = codingPath + [indexKey]
        node.items.append(slot)
        return UnkeyedContainer(node: slot.array(), codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let slot = Slot()
        let path = codingPath + [indexKey]
        node.items.append(slot)
        return TreeEncoder(slot: slot, codingPath: path)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue) { slot.content = .value(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try JSONValueEncoder.number(value, codingPath)) }
    mutating func encode(_ value: Float) throws {
        set(try JSONValueEncoder.number(Double(value), codingPath))
    }
    mutating func encode(_ value: Int) throws { set(.integer(value)) }
    mutating func encode(_ value: Int8) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws { set(try JSONValueEncoder.integer(value, codingPath)) }
    mutating func encode(_ value: UInt8) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: UInt16) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: UInt32) throws { set(.integer(Int(value))) }
    mutating func encode(_ value: UInt64) throws { set(try JSONValueEncoder.integer(value, codingPath)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        set(try JSONValueEncoder.encode(value, at: codingPath))
    }
}

/// A key known only by its name, such as `super`.
struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { nil }
}

/// The key of an array element in a coding path.
struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }

    init?(intValue: Int) { self.init(intValue) }
    init?(stringValue: String) { nil }
}
