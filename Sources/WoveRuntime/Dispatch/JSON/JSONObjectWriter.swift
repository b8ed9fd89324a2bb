/// Writes one JSON object field by field, straight into its output, for the types that
/// serialize themselves without building a ``JSONValue`` tree first (frames travel on every
/// remote run). Fields must be written in sorted key order, so the text is the same as
/// ``JSONWriter`` writes for the equivalent tree.
struct JSONObjectWriter {
    private var isFirst = true

    /// Opens the object in `output`.
    init(_ output: inout [UInt8]) { output.append(UInt8(ascii: "{")) }

    mutating func field(_ key: StaticString, _ value: JSONValue, into output: inout [UInt8])
        throws(JSONWriter.InvalidNumberError)
    {
        begin(key, &output)
        try JSONWriter.write(value, into: &output)
    }

    mutating func field(_ key: StaticString, string: String, into output: inout [UInt8]) {
        begin(key, &output)
        JSONWriter.write(string, into: &output)
    }

    /// Writes a field whose value is `name`, a fixed text that needs no escape.
    mutating func field(_ key: StaticString, name: StaticString, into output: inout [UInt8]) {
        begin(key, &output)
        output.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { output.append(contentsOf: $0) }
        output.append(UInt8(ascii: "\""))
    }

    /// Starts a field whose value the caller writes next.
    mutating func begin(_ key: StaticString, _ output: inout [UInt8]) {
        if !isFirst { output.append(UInt8(ascii: ",")) }
        isFirst = false
        output.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { output.append(contentsOf: $0) }
        output.append(UInt8(ascii: "\""))
        output.append(UInt8(ascii: ":"))
    }

    /// Closes the object.
    func end(_ output: inout [UInt8]) { output.append(UInt8(ascii: "}")) }
}
