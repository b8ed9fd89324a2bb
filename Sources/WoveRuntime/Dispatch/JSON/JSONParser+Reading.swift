/// Reading JSON text structure by structure, for the envelopes that cross process boundaries on
/// every run (a frame, a list of events): their objects' fields are handed over one by one, keys
/// as their bytes, so no dictionary is built and no key hashed for them. The values inside are
/// read as ``JSONValue``s, exactly as ``JSONParser/parse(_:)`` reads them.
extension JSONParser {
    /// Reads the one value `text` holds with `read`, which must read exactly one value from the
    /// parser it is given; the text around it may only be white space.
    static func reading<T>(
        _ text: some Collection<UInt8>, _ read: (inout JSONParser) throws(SyntaxError) -> T
    ) throws(SyntaxError) -> T {
        let result =
            text.withContiguousStorageIfAvailable { buffer in
                Result { () throws(SyntaxError) in try reading(buffer: buffer, read) }
            }
            ?? Array(text).withUnsafeBufferPointer { buffer in
                Result { () throws(SyntaxError) in try reading(buffer: buffer, read) }
            }
        return try result.get()
    }

    private static func reading<T>(
        buffer: UnsafeBufferPointer<UInt8>, _ read: (inout JSONParser) throws(SyntaxError) -> T
    ) throws(SyntaxError) -> T {
        var parser = JSONParser(buffer)
        parser.skipWhitespace()
        let value = try read(&parser)
        parser.skipWhitespace()
        guard parser.current == nil else { throw parser.error("Unexpected text after the value") }
        return value
    }

    /// Whether the next value is an object.
    var nextIsObject: Bool { current == UInt8(ascii: "{") }

    /// Whether the next value is an array.
    var nextIsArray: Bool { current == UInt8(ascii: "[") }

    /// Reads the object that comes next (``nextIsObject``): `field` gets each key in turn and
    /// must read its value from the parser.
    mutating func readObject(_ field: (JSONKey, inout JSONParser) throws(SyntaxError) -> Void)
        throws(SyntaxError)
    {
        try readItems(closedBy: UInt8(ascii: "}"), in: "an object") { parser throws(SyntaxError) in
            guard parser.current == UInt8(ascii: "\"") else { throw parser.error("Expected a string key") }
            let key = try parser.key()
            parser.skipWhitespace()
            guard parser.current == UInt8(ascii: ":") else { throw parser.error("Expected ':' after a key") }
            parser.advance()
            parser.skipWhitespace()
            try field(key, &parser)
        }
    }

    /// Reads the array that comes next (``nextIsArray``): `element` must read each element
    /// from the parser.
    mutating func readArray(_ element: (inout JSONParser) throws(SyntaxError) -> Void) throws(SyntaxError) {
        try readItems(closedBy: UInt8(ascii: "]"), in: "an array", element)
    }

    /// Reads the items of an object or array, opened at the current byte and closed by `close`,
    /// separated by commas: `item` reads each.
    private mutating func readItems(
        closedBy close: UInt8, in container: String, _ item: (inout JSONParser) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        try enter()
        defer { leave() }
        advance()
        skipWhitespace()
        if current == close { return advance() }
        while true {
            skipWhitespace()
            try item(&self)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case close?: return advance()
            default: throw error("Expected ',' or '\(Unicode.Scalar(close))' in \(container)")
            }
        }
    }

    /// The string at the opening quote, a key or a value: its bytes if it is plain ASCII, else
    /// its text.
    mutating func key() throws(SyntaxError) -> JSONKey {
        let start = index
        advance()
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"),
            byte >= 0x20, byte < 0x80
        {
            advance()
        }
        if current == UInt8(ascii: "\"") {
            let key = JSONKey.bytes(slice(start + 1..<index))
            advance()
            return key
        }
        // Escapes, control characters or non-ASCII: read (and checked) as any string is.
        rewind(to: start)
        return .text(try string())
    }
}

/// An object's key as ``JSONParser/readObject(_:)`` hands it over: the plain ASCII bytes of the
/// text (the usual case: no `String` is made unless asked for), or the key's text. The bytes are
/// valid only while the object is being read.
enum JSONKey {
    case bytes(UnsafeBufferPointer<UInt8>)
    case text(String)

    /// Whether the key is `name`.
    func `is`(_ name: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        switch self {
        case .bytes(let bytes):
            // Compared byte by byte, lengths first: keys are short, and most differ in length.
            guard bytes.count == expected.count else { return false }
            for offset in 0..<bytes.count where bytes[offset] != expected[offset] { return false }
            return true
        case .text(let text): return text.utf8.elementsEqual(expected)
        }
    }

    /// Whether the key ends with `suffix`.
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        switch self {
        case .bytes(let bytes):
            return bytes.count >= expected.count && bytes.suffix(expected.count).elementsEqual(expected)
        case .text(let text):
            return text.utf8.count >= expected.count
                && text.utf8.suffix(expected.count).elementsEqual(expected)
        }
    }

    /// The key's text.
    var string: String {
        switch self {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .text(let text): text
        }
    }
}
