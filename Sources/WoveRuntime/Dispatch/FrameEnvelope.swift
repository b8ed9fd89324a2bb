/// One frame read from JSON text and not yet interpreted: the object's fields in order, read
/// one by one, so no dictionary is built and no key hashed for the envelope, only for the
/// values inside it (arguments, results, errors). Every frame a worker or an executor receives
/// is read this way.
///
/// ``frame()`` gives what `WoveFrame(json: JSONValue(parsing: text))` gives, with the same errors.
package enum FrameEnvelope: Sendable {
    /// A JSON object's fields; `pickled` if a key ends in `_pickle` (Python wove's pickled
    /// callable and arguments).
    case object(fields: [JSONField], pickled: Bool)
    /// Any other JSON value: not a frame.
    case other(JSONValue)

    /// The envelope in `text`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for text that is not JSON, as `JSONValue(parsing:)`.
    package static func parse(_ text: [UInt8]) throws -> FrameEnvelope {
        do {
            return try JSONParser.reading(text) { parser throws(JSONParser.SyntaxError) in
                try read(from: &parser)
            }
        } catch {
            throw error.decodingError
        }
    }

    /// Reads the value that comes next.
    static func read(from parser: inout JSONParser) throws(JSONParser.SyntaxError) -> FrameEnvelope {
        guard parser.nextIsObject else { return .other(try parser.value()) }
        return try readObject(from: &parser)
    }

    /// Reads the object that comes next as an envelope. `claim` may read a field's value itself
    /// and answer `true`: that field is then not kept.
    static func readObject(
        from parser: inout JSONParser,
        claiming claim: (JSONKey, inout JSONParser) throws(JSONParser.SyntaxError) -> Bool = { _, _ in false }
    ) throws(JSONParser.SyntaxError) -> FrameEnvelope {
        var fields: [JSONField] = []
        fields.reserveCapacity(8)
        var pickled = false
        try parser.readObject { key, parser throws(JSONParser.SyntaxError) in
            guard try !claim(key, &parser) else { return }
            pickled = pickled || key.hasSuffix("_pickle")
            fields.append(JSONField(key: key.string, value: try parser.value()))
        }
        return .object(fields: fields, pickled: pickled)
    }

    /// The frame the envelope holds.
    ///
    /// - Throws: a `DecodingError` naming the missing or mistyped field, or the unknown type.
    package func frame() throws -> WoveFrame {
        switch self {
        case .object(let fields, _): try WoveFrame(fields: JSONObjectReader(pairs: fields))
        case .other(let value): try WoveFrame(json: value)
        }
    }

    /// The string in field `key`, if the envelope is an object that has one.
    package func string(_ key: String) -> String? {
        guard case .object(let fields, _) = self,
            case .string(let text)? = fields.last(where: { $0.key == key })?.value
        else { return nil }
        return text
    }

    /// The keys that end in `_pickle`, sorted.
    package var pickles: [String] {
        guard case .object(let fields, true) = self else { return [] }
        return Set(fields.map(\.key).filter { $0.hasSuffix("_pickle") }).sorted()
    }

    /// The envelope as a JSON value, for messages that quote it.
    package var json: JSONValue {
        switch self {
        case .object(let fields, _):
            .object(Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
        case .other(let value): value
        }
    }
}

/// A network worker service's answer, in the shapes Python wove accepts, read as
/// ``FrameEnvelope``s: one event object, a list of them, or `{"events": [...]}`.
package enum EventsMessage: Sendable {
    /// A list of events.
    case list([FrameEnvelope])
    /// An object with a `type` field: one event.
    case single(FrameEnvelope)
    /// An object without a `type` field: the list in its `events` field, `nil` if that is no list.
    case wrapped(events: [FrameEnvelope]?)
    /// Any other JSON value.
    case other

    /// The answer in `text`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for text that is not JSON, as `JSONValue(parsing:)`.
    package static func parse(_ text: [UInt8]) throws -> EventsMessage {
        do {
            return try JSONParser.reading(text) { parser throws(JSONParser.SyntaxError) in
                if parser.nextIsArray { return .list(try envelopes(from: &parser)) }
                guard parser.nextIsObject else {
                    _ = try parser.value()
                    return .other
                }
                var events: [FrameEnvelope]?
                // Only a list of events if the object has no `type`: kept aside until that is known.
                let object = try FrameEnvelope.readObject(from: &parser) {
                    key, parser throws(JSONParser.SyntaxError) in
                    guard key.is("events") else { return false }
                    events = parser.nextIsArray ? try envelopes(from: &parser) : nil
                    return events != nil
                }
                guard case .object(var fields, let pickled) = object,
                    fields.contains(where: { $0.key == "type" })
                else { return .wrapped(events: events) }
                // One event after all: its `events` list is one more field of it.
                if let events { fields.append(JSONField(key: "events", value: .array(events.map(\.json)))) }
                return .single(.object(fields: fields, pickled: pickled))
            }
        } catch {
            throw error.decodingError
        }
    }

    private static func envelopes(from parser: inout JSONParser) throws(JSONParser.SyntaxError)
        -> [FrameEnvelope]
    {
        var envelopes: [FrameEnvelope] = []
        try parser.readArray { parser throws(JSONParser.SyntaxError) in
            envelopes.append(try FrameEnvelope.read(from: &parser))
        }
        return envelopes
    }
}
