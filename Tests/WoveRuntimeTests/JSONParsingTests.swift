import Foundation
import Testing
import WoveRuntime

@Suite("Parsing JSON text")
struct JSONParsingTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }

    @Test("objects and arrays, nested and empty, keep every field and item in place")
    func structure() throws {
        let text = #"{"a":[1,{"b":[],"c":{}},[[2],[3,{"d":null}]]],"e":{"f":{"g":[true,false]}},"h":"i"}"#
        #expect(
            try parse(text)
                == .object([
                    "a": .array([
                        .integer(1), .object(["b": .array([]), "c": .object([:])]),
                        .array([.array([.integer(2)]), .array([.integer(3), .object(["d": .null])])]),
                    ]),
                    "e": .object(["f": .object(["g": .array([.bool(true), .bool(false)])])]),
                    "h": .string("i"),
                ]))
        #expect(try parse(" [ ] ") == .array([]))
        #expect(try parse("{ }") == .object([:]))
    }

    @Test("a repeated key keeps its last value")
    func repeatedKey() throws {
        #expect(
            try parse(#"{"a":1,"b":2,"a":{"c":3}}"#)
                == .object(["a": .object(["c": .integer(3)]), "b": .integer(2)]))
    }

    @Test("whole numbers that fit an Int stay whole; others become Doubles")
    func numbers() throws {
        #expect(try parse("9223372036854775807") == .integer(.max))
        #expect(try parse("-9223372036854775808") == .integer(.min))
        #expect(try parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(try parse("-9223372036854775809") == .number(-9_223_372_036_854_775_808.0))
        #expect(try parse("0") == .integer(0))
        #expect(try parse("-0") == .integer(0))
        #expect(
            try parse("[10,-7,2.5,1e3,-4E-2]")
                == .array([.integer(10), .integer(-7), .number(2.5), .number(1000), .number(-0.04)]))
        for invalid in ["-", "01", "1.", ".5", "1e", "--1", "1e999"] {
            #expect(throws: DecodingError.self, "\(invalid)") { try parse(invalid) }
        }
    }

    @Test("whole numbers are written as their decimal digits, and read back the same")
    func wholeNumbersWritten() throws {
        for integer in [0, 7, -7, 10, -10, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1] {
            let written = try JSONValue.integer(integer).serialized()
            #expect(written == Array(String(integer).utf8))
            #expect(try parse(String(decoding: written, as: UTF8.self)) == .integer(integer))
        }
    }

    @Test("strings: ASCII, other UTF-8, escapes and surrogate pairs; invalid UTF-8 is refused")
    func strings() throws {
        #expect(try parse(#""plain""#) == .string("plain"))
        #expect(try parse(#""héllo ✓ 🎉""#) == .string("héllo ✓ 🎉"))
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83c\udf89é""#) == .string("a\"b\\c/d\n\té🎉é"))
        #expect(try parse(#"{"é":"✓"}"#) == .object(["é": .string("✓")]))
        for invalid: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0x61, 0x0A, 0x22]] {
            #expect(throws: DecodingError.self) { try JSONValue(parsing: invalid) }
        }
        #expect(throws: DecodingError.self) { try parse(#""\ud83c""#) }
    }

    @Test("what Foundation reads from a frame, Wove reads the same")
    func agreesWithFoundation() throws {
        let text =
            #"{"args":{"item":7,"name":"ü","ratio":0.25,"tags":["a","b"]},"delivery":{"delivery_timeout_seconds":1.5},"run_id":"t:1","task_id":"t","type":"run_task"}"#
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try parse(text) == foundation)
    }
}
