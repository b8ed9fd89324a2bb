import Foundation

/// A seeded generator (SplitMix64), so a fuzz run can be repeated exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Mutated and hostile frame lines: valid frames with one field replaced by a hostile JSON value,
/// truncated lines, random bytes (invalid UTF-8 among them), deep nesting and huge strings.
/// No line contains a newline, and none is blank.
enum HostileFrames {
    /// JSON texts a peer might send where a number, string or object belongs.
    static let values: [String] = [
        "1e300", "-1e300", "1e309", "-0", "0", "NaN", "Infinity", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "0.1e-400",
        "\"\"", "\"\\ud800\"", "\"\\u0000\"", "\"text\"", "true", "false", "null", "[]", "{}", "[1,[2,[3]]]",
        "{\"a\":{\"b\":{\"c\":1}}}",
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        "\"" + String(repeating: "x", count: 1 << 20) + "\"",
    ]

    /// `count` lines from `templates` (each a frame with a `%RUN%` placeholder for a unique run
    /// id), mutated at `field` paths or as raw bytes.
    static func lines(
        count: Int, templates: [(json: String, fields: [String])], using generator: inout SeededGenerator
    ) -> [[UInt8]] {
        (0..<count).map { index in
            let template = templates[Int.random(in: 0..<templates.count, using: &generator)]
            var text = template.json.replacingOccurrences(of: "%RUN%", with: "fuzz-\(index)")
            switch Int.random(in: 0..<5, using: &generator) {
            case 0, 1:
                let field = template.fields[Int.random(in: 0..<template.fields.count, using: &generator)]
                text = replace(
                    field, in: text, with: values[Int.random(in: 0..<values.count, using: &generator)])
            case 2:
                text = String(text.prefix(Int.random(in: 1...max(1, text.count - 1), using: &generator)))
            case 3:
                var bytes = Array(text.utf8)
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    var byte = UInt8.random(in: 0...255, using: &generator)
                    if byte == UInt8(ascii: "\n") { byte = 0xFF }
                    bytes.insert(byte, at: Int.random(in: 0...bytes.count, using: &generator))
                }
                return bytes
            default:
                break  // left valid
            }
            return Array(text.utf8)
        }
    }

    /// `json` with the value of `"field":` (the first one) replaced by `value`; `field` must hold
    /// a scalar or a flat object in the template.
    private static func replace(_ field: String, in json: String, with value: String) -> String {
        guard let key = json.range(of: "\"\(field)\":") else { return json }
        let rest = json[key.upperBound...]
        var depth = 0
        var inString = false
        var end = rest.startIndex
        scan: for index in rest.indices {
            let character = rest[index]
            if inString {
                if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                if depth == 0 {
                    end = index
                    break scan
                }
                depth -= 1
            case "," where depth == 0:
                end = index
                break scan
            default: break
            }
            end = rest.index(after: index)
        }
        return String(json[..<key.upperBound]) + value + String(json[end...])
    }
}
