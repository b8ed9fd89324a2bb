/// One frame as one line of the stdio protocol: compact JSON with wove's field names, ended by
/// `\n`. JSON escapes every newline inside strings, so a frame never spans two lines.
package enum FrameLine {
    /// `frame` as compact JSON followed by a newline; an event as ``WoveFrame/serializedEvent()``
    /// writes it.
    package static func encode(_ frame: WoveFrame) throws -> [UInt8] {
        var bytes = try frame.serializedEvent()
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The frame in `line` (without its newline); throws for text that is not a frame.
    package static func decode(_ line: [UInt8]) throws -> WoveFrame {
        if let frame = DirectFrameReader.frame(in: line) { return frame }
        return try FrameEnvelope.parse(line).frame()
    }

    /// The run a line that is not a valid frame still names, if its `run_id` can be read.
    package static func runID(in line: [UInt8]) -> String? {
        struct Reference: Decodable {
            let runID: String
            enum CodingKeys: String, CodingKey { case runID = "run_id" }
        }
        guard let reference = try? JSONValue(parsing: line).decode(as: Reference.self) else { return nil }
        return reference.runID
    }

    /// A short, printable excerpt of a line that did not decode, for diagnostics: control
    /// characters escaped, invalid UTF-8 replaced.
    package static func excerpt(_ line: [UInt8], limit: Int = 200) -> String {
        var text = ""
        for scalar in String(decoding: line.prefix(limit), as: UTF8.self).unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return line.count > limit ? text + "…" : text
    }

    /// Whether `line` holds anything but blanks; blank lines are skipped, not reported.
    package static func hasContent(_ line: [UInt8]) -> Bool {
        line.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
    }

    /// Why a line did not decode, in one short sentence.
    package static func reason(_ error: any Error) -> String {
        var text = describe(error)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context)?:
            context.codingPath.isEmpty ? "it is not JSON" : context.debugDescription
        case .keyNotFound(let key, _)?: "it has no '\(key.stringValue)' field"
        case .typeMismatch(_, let context)? where context.codingPath.isEmpty: "it is not a JSON object"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "\(error)"
        }
    }
}
