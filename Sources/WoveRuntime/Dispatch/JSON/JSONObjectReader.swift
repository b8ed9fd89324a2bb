/// Reads the fields of one JSON object by name, for the types that decode themselves from a
/// ``JSONValue`` without `Codable` (frames travel on every remote run, and the generic
/// `Decoder` machinery costs more than the JSON text). Its errors are the `DecodingError`s a
/// `Decoder` would throw, with the same coding paths, so their messages do not change.
///
/// A field that is absent or `null` is missing, as `decodeIfPresent` has it.
struct JSONObjectReader {
    private enum Fields {
        case dictionary([String: JSONValue])
        /// In the order they came; of a repeated key, the last counts.
        case pairs([JSONField])
    }

    private let fields: Fields
    /// The path of the object holding this one, and this object's key in it: the coding path
    /// only an error needs, so it is put together only for one.
    private let parentPath: [any CodingKey]
    private let key: String?

    /// Where the object is, for errors.
    private var path: [any CodingKey] { Self.path(parentPath, key) }

    /// The path of the object at `key` in the object at `parentPath` (`nil`: that object itself).
    private static func path(_ parentPath: [any CodingKey], _ key: String?) -> [any CodingKey] {
        key.map { parentPath + [NameKey($0)] } ?? parentPath
    }

    /// The reader of `value`, found at `path`; throws if it is not an object.
    init(_ value: JSONValue, at path: [any CodingKey] = []) throws {
        try self.init(value, in: path, key: nil)
    }

    private init(_ value: JSONValue, in parentPath: [any CodingKey], key: String?) throws {
        guard case .object(let fields) = value else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self,
                .init(
                    codingPath: Self.path(parentPath, key),
                    debugDescription: "Expected an object, found \(value)."))
        }
        self.fields = .dictionary(fields)
        self.parentPath = parentPath
        self.key = key
    }

    /// The reader of an object's fields as ``JSONParser/readObject(_:)`` read them, in order:
    /// a few fields, which a search finds sooner than a dictionary could be built.
    init(pairs: [JSONField]) {
        fields = .pairs(pairs)
        parentPath = []
        key = nil
    }

    /// How many fields an object may have for a field to be found by comparing keys rather than
    /// by hashing one: comparing the few keys of a small object costs less than one hash.
    private static let searchedFieldCount = 8

    /// The field `key`, unless it is absent or `null`.
    func value(_ key: String) -> JSONValue? {
        let found: JSONValue?
        switch fields {
        case .dictionary(let fields) where fields.count <= Self.searchedFieldCount:
            found = fields.first { $0.key == key }?.value
        case .dictionary(let fields): found = fields[key]
        case .pairs(let pairs): found = pairs.last { $0.key == key }?.value
        }
        guard let found, found != .null else { return nil }
        return found
    }

    /// The reader of the object in field `key`, unless it is absent or `null`.
    func object(_ key: String) throws -> JSONObjectReader? {
        try value(key).map { try JSONObjectReader($0, in: path, key: key) }
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else { throw missing(key) }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw mismatch(key, String.self, value) }
        return text
    }

    func optionalDouble(_ key: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.double else { throw mismatch(key, Double.self, value) }
        return number
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw mismatch(key, Bool.self, value) }
        return flag
    }

    /// The field `key` as one of `Choice`'s raw values, unless it is absent or `null`.
    func optionalChoice<Choice: RawRepresentable<String>>(_ key: String, as type: Choice.Type) throws
        -> Choice?
    {
        guard let text = try optionalString(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: path + [NameKey(key)],
                    debugDescription: "Cannot initialize \(Choice.self) from invalid String value \(text)"))
        }
        return choice
    }

    /// The error for a required field that is not there.
    func missing(_ key: String) -> DecodingError {
        .keyNotFound(
            NameKey(key),
            .init(codingPath: path, debugDescription: "No value associated with key \"\(key)\"."))
    }

    private func mismatch(_ key: String, _ type: Any.Type, _ value: JSONValue) -> DecodingError {
        .typeMismatch(
            type,
            .init(codingPath: path + [NameKey(key)], debugDescription: "Expected \(type), found \(value)."))
    }
}
