/// Writes a ``JSONValue`` as compact JSON text, without Foundation: object keys sorted, `/` not
/// escaped, non-ASCII characters as UTF-8, control characters escaped.
enum JSONWriter {
    /// A number JSON cannot hold (infinite or not a number).
    struct InvalidNumberError: Error, CustomStringConvertible {
        let value: Double
        var description: String { "\(value) cannot be written as JSON" }
    }

    /// `value` as JSON text.
    static func bytes(of value: JSONValue) throws(InvalidNumberError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        try write(value, into: &output)
        return output
    }

    static func write(_ value: JSONValue, into output: inout [UInt8]) throws(InvalidNumberError) {
        switch value {
        case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): output.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): output.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .integer(let integer): write(integer, into: &output)
        case .number(let number):
            guard number.isFinite else { throw InvalidNumberError(value: number) }
            output.append(contentsOf: number.description.utf8)
        case .string(let string): write(string, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                try write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            output.append(UInt8(ascii: "{"))
            for (position, key) in fields.keys.sorted().enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(key, into: &output)
                output.append(UInt8(ascii: ":"))
                // The key came from `fields`, so the lookup always finds it.
                try write(fields[key] ?? .null, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes `integer`'s decimal digits, with no `String` made for them.
    static func write(_ integer: Int, into output: inout [UInt8]) {
        if integer < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        // 20 digits hold any 64-bit magnitude; written from the last digit back.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    static func write(_ string: String, into output: inout [UInt8]) {
        // Most strings need no escape: scanned and copied whole, from their own storage.
        var string = string
        string.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            if bytes.contains(where: Self.needsEscape) {
                writeEscaping(bytes, into: &output)
            } else {
                output.append(contentsOf: bytes)
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    /// The bytes of a string that needs escapes, escaped, without the quotes.
    private static func writeEscaping(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hex[Int(byte >> 4)],
                    hex[Int(byte & 0xF)],
                ])
            default: output.append(byte)
            }
        }
    }

    /// Whether `byte` must be escaped in a JSON string: a control character, `"` or `\`.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
}
