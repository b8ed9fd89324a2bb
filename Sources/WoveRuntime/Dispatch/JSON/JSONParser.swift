/// Reads JSON text into a ``JSONValue`` in one pass, without Foundation: the hot path of every
/// frame that crosses a process boundary.
///
/// Strict RFC 8259: one value, surrounded only by white space; strings must be valid UTF-8 with
/// valid escapes (a lone surrogate is an error); numbers must be finite. Whole numbers that fit
/// an `Int` stay ``JSONValue/integer(_:)``. Nesting deeper than ``maximumDepth`` is refused, so
/// hostile input cannot exhaust the stack.
struct JSONParser {
    /// How deeply arrays and objects may nest.
    static let maximumDepth = 512

    /// What is wrong with a text, and where.
    struct SyntaxError: Error, CustomStringConvertible {
        let message: String
        let offset: Int

        var description: String { "\(message) at byte \(offset)" }

        /// The error as `JSONValue(parsing:)` reports it: text that is not JSON.
        var decodingError: DecodingError {
            .dataCorrupted(.init(codingPath: [], debugDescription: "\(self)."))
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private var depth = 0
    /// The fields of the objects being read, innermost last: each object's dictionary is made
    /// once, at its final size, instead of growing (and rehashing) field by field.
    private var fields: [JSONField] = []
    /// The items of the arrays being read, innermost last, for the same reason.
    private var items: [JSONValue] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value `text` holds.
    static func parse(_ text: some Collection<UInt8>) throws(SyntaxError) -> JSONValue {
        try reading(text) { parser throws(SyntaxError) in try parser.value() }
    }

    func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    mutating func value() throws(SyntaxError) -> JSONValue {
        guard let byte = current else { throw error("Unexpected end of text") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("Unexpected character '\(Unicode.Scalar(byte))'")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw error("Unexpected end of text") }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] {
            throw error("Invalid literal")
        }
        index += length
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("Nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    /// Leaves an array or object ``enter()`` entered.
    mutating func leave() { depth -= 1 }

    /// Steps past the byte at ``current``, which the caller has checked.
    mutating func advance() { index += 1 }

    /// Goes back to `position`, to read what is there another way.
    mutating func rewind(to position: Int) { index = position }

    /// The bytes of the text in `range`, valid while the text is being read.
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    private mutating func object() throws(SyntaxError) -> JSONValue {
        let first = fields.count
        try readObject { key, parser throws(SyntaxError) in
            let value = try parser.value()
            parser.fields.append(JSONField(key: key.string, value: value))
        }
        var object = [String: JSONValue](minimumCapacity: fields.count - first)
        // A repeated key keeps its last value.
        for field in fields[first...] { object[field.key] = field.value }
        fields.removeSubrange(first...)
        return .object(object)
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        let first = items.count
        try readArray { parser throws(SyntaxError) in
            let item = try parser.value()
            parser.items.append(item)
        }
        let array = Array(items[first...])
        items.removeSubrange(first...)
        return .array(array)
    }

    mutating func string() throws(SyntaxError) -> String {
        index += 1  // the opening quote
        let start = index
        var ascii = true
        // The common case: no escapes; the bytes are the string.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw error("Unescaped control character in a string") }
            ascii = ascii && byte < 0x80
            index += 1
        }
        guard current != nil else { throw error("Unterminated string") }
        if current == UInt8(ascii: "\"") {
            let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1  // the closing quote
            // ASCII needs no validation; anything else is checked as it is read.
            if ascii { return String(decoding: text, as: UTF8.self) }
            guard let validated = String(validating: text, as: UTF8.self) else {
                throw error("Invalid UTF-8 in a string")
            }
            return validated
        }
        var utf8 = Array(bytes[start..<index])
        while current == UInt8(ascii: "\\") {
            index += 1
            try unescape(into: &utf8)
            while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else { throw error("Unescaped control character in a string") }
                utf8.append(byte)
                index += 1
            }
            guard current != nil else { throw error("Unterminated string") }
        }
        index += 1  // the closing quote
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw error("Invalid UTF-8 in a string")
        }
        return text
    }

    private mutating func unescape(into utf8: inout [UInt8]) throws(SyntaxError) {
        guard let byte = current else { throw error("Unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800...0xDBFF).contains(scalar) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count,
                    bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("A high surrogate without its low surrogate") }
                index += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("A high surrogate without its low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("A low surrogate without its high surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("Invalid \\u escape") }
            utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
        default: throw error("Invalid escape '\\\(Unicode.Scalar(byte))'")
        }
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("Unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("Invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = index
        var whole = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw error("Invalid number")
        }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            whole = false
            index += 1
            guard try digitsFollow() else { throw error("Invalid number") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            whole = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard try digitsFollow() else { throw error("Invalid number") }
        }
        if whole, let integer = integer(in: start..<index) { return .integer(integer) }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw error("Number \(text) is out of range")
        }
        return .number(double)
    }

    /// The whole number `range` spells (an optional `-` and digits), unless it overflows `Int`.
    private func integer(in range: Range<Int>) -> Int? {
        let negative = bytes[range.lowerBound] == UInt8(ascii: "-")
        var value = 0
        for position in (negative ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound {
            let digit = Int(bytes[position] &- UInt8(ascii: "0"))
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) =
                negative
                ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowShift, !overflowAdd else { return nil }
            value = next
        }
        return value
    }

    private mutating func skipDigits() {
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
    }

    private mutating func digitsFollow() throws(SyntaxError) -> Bool {
        let start = index
        skipDigits()
        return index > start
    }
}
