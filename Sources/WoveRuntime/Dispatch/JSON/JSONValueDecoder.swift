#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decodes a `Decodable` value straight from a ``JSONValue`` tree, with no JSON text in between,
/// as `JSONDecoder` would: `Data` from a base64 string, `URL` from a string, `Decimal` and the
/// number types from numbers (an integer type only from a whole number in its range). Errors are
/// `DecodingError`s with the coding path.
enum JSONValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try decode(type, from: value, at: [])
    }

    fileprivate static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, at codingPath: [any CodingKey]
    )
        throws -> T
    {
        switch (type, value) {
        case (is JSONValue.Type, _): return try cast(value, codingPath)
        // The common leaves first, without a decoder; a mismatch takes the general path for its error.
        case (is Int.Type, .integer(let integer)): return try cast(integer, codingPath)
        case (is String.Type, .string(let string)): return try cast(string, codingPath)
        case (is Bool.Type, .bool(let bool)): return try cast(bool, codingPath)
        case (is Data.Type, _):
            guard case .string(let text) = value, let data = Data(base64Encoded: text) else {
                throw mismatch(type, value, codingPath, "a base64 string")
            }
            return try cast(data, codingPath)
        case (is URL.Type, _):
            guard case .string(let text) = value, let url = URL(string: text) else {
                throw mismatch(type, value, codingPath, "a URL string")
            }
            return try cast(url, codingPath)
        case (is Decimal.Type, _):
            let double = try number(value, codingPath)
            return try cast(Decimal(double), codingPath)
        default:
            return try T(from: TreeDecoder(value: value, codingPath: codingPath))
        }
    }

    private static func cast<T, U>(_ value: U, _ codingPath: [any CodingKey]) throws -> T {
        guard let typed = value as? T else {
            throw DecodingError.typeMismatch(
                T.self, .init(codingPath: codingPath, debugDescription: "Unexpected type."))
        }
        return typed
    }

    fileprivate static func mismatch(
        _ type: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey], _ expected: String
    ) -> DecodingError {
        if value == .null {
            return .valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "Expected \(expected), found null."))
        }
        return .typeMismatch(
            type, .init(codingPath: codingPath, debugDescription: "Expected \(expected), found \(value)."))
    }

    fileprivate static func number(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> Double {
        guard let number = value.double else { throw mismatch(Double.self, value, codingPath, "a number") }
        return number
    }

    fileprivate static func integer<T: FixedWidthInteger>(
        _ type: T.Type, _ value: JSONValue, _ codingPath: [any CodingKey]
    )
        throws -> T
    {
        switch value {
        case .integer(let integer):
            if let typed = T(exactly: integer) { return typed }
        case .number(let number):
            if let typed = T(exactly: number) { return typed }
        default: break
        }
        throw mismatch(type, value, codingPath, "a whole number that fits \(type)")
    }

    fileprivate static func bool(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> Bool {
        guard case .bool(let bool) = value else {
            throw mismatch(Bool.self, value, codingPath, "true or false")
        }
        return bool
    }

    fileprivate static func string(_ value: JSONValue, _ codingPath: [any CodingKey]) throws -> String {
        guard case .string(let string) = value else {
            throw mismatch(String.self, value, codingPath, "a string")
        }
        return string
    }
}

private struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else {
            throw JSONValueDecoder.mismatch([String: JSONValue].self, value, codingPath, "an object")
        }
        return KeyedDecodingContainer(KeyedContainer(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw JSONValueDecoder.mismatch([JSONValue].self, value, codingPath, "an array")
        }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(value: value, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [String: JSONValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func value(_ key: Key) throws -> JSONValue {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value for key '\(key.stringValue)'.")
            )
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try JSONValueDecoder.bool(value(key), codingPath + [key])
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try JSONValueDecoder.string(value(key), codingPath + [key])
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try JSONValueDecoder.number(value(key), codingPath + [key])
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try JSONValueDecoder.number(value(key), codingPath + [key]))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONValueDecoder.decode(type, from: value(key), at: codingPath + [key])
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
        try JSONValueDecoder.integer(type, value(key), codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try TreeDecoder(value: value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(value: value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: fields["super"] ?? .null, codingPath: codingPath + [NameKey("super")])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: fields[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var path: [any CodingKey] { codingPath + [IndexKey(currentIndex)] }

    private mutating func next(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: path, debugDescription: "The array has no more elements."))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let path = self.path
        return try JSONValueDecoder.bool(next(type), path)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let path = self.path
        return try JSONValueDecoder.string(next(type), path)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let path = self.path
        return try JSONValueDecoder.number(next(type), path)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let path = self.path
        return Float(try JSONValueDecoder.number(next(type), path))
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = self.path
        return try JSONValueDecoder.decode(type, from: next(type), at: path)
    }

    private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let path = self.path
        return try JSONValueDecoder.integer(type, next(type), path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let path = self.path
        return try TreeDecoder(value: next(type), codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = self.path
        return try TreeDecoder(value: next([JSONValue].self), codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = self.path
        return TreeDecoder(value: try next(JSONValue.self), codingPath: path)
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try JSONValueDecoder.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try JSONValueDecoder.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try JSONValueDecoder.number(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try JSONValueDecoder.number(value, codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONValueDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 {
        try JSONValueDecoder.integer(type, value, codingPath)
    }
    func decode(_ type: UInt32.Type) throws -> UInt32 {
        try JSONValueDecoder.integer(type, value, codingPath)
    }
    func decode(_ type: UInt64.Type) throws -> UInt64 {
        try JSONValueDecoder.integer(type, value, codingPath)
    }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(type, from: value, at: codingPath)
    }
}
