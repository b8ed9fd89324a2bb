#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension JSONValue {
    /// The JSON form of any `Encodable` value, as `JSONEncoder` would shape it (`Data` as base64,
    /// `URL` as a string), built directly, without JSON text in between.
    public init(encoding value: some Encodable) throws {
        self = try JSONValueEncoder.encode(value)
    }

    /// The value of the JSON text `text`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` saying what is wrong and where.
    public init(parsing text: some Collection<UInt8>) throws {
        do {
            self = try JSONParser.parse(text)
        } catch {
            throw error.decodingError
        }
    }

    /// This value as compact JSON text, object keys sorted.
    ///
    /// - Throws: for a number JSON cannot hold (infinite or not a number).
    public func serialized() throws -> [UInt8] { try JSONWriter.bytes(of: self) }

    /// This value as compact JSON text, with sorted keys.
    public var description: String { compactText }

    /// This value as compact JSON text, with sorted keys.
    var compactText: String {
        guard let bytes = try? serialized() else { return "\(self)" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This JSON decoded as `T`, as `JSONDecoder` would, without JSON text in between.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONValueDecoder.decode(type, from: self)
    }
}
