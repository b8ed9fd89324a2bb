import Foundation

/// One frame as one line of the stdio protocol: compact JSON with wove's field names, ended by
/// `\n`. JSON escapes every newline inside strings, so a frame never spans two lines.
package enum FrameLine {
    /// `frame` as compact JSON followed by a newline.
    package static func encode(_ frame: WoveFrame) throws -> [UInt8] {
        var bytes = [UInt8](try JSONEncoder().encode(frame))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The frame in `line` (without its newline); throws for text that is not a frame.
    package static func decode(_ line: [UInt8]) throws -> WoveFrame {
        try JSONDecoder().decode(WoveFrame.self, from: Data(line))
    }

    /// A short, printable excerpt of a line that did not decode, for diagnostics.
    package static func excerpt(_ line: [UInt8], limit: Int = 200) -> String {
        let text = String(decoding: line.prefix(limit), as: UTF8.self)
        return line.count > limit ? text + "…" : text
    }
}
