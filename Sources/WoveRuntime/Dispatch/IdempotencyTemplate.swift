/// An idempotency key template such as `"report:{order_id}"`, filled for each run from its JSON
/// arguments by name. Text outside braces is kept as is.
struct IdempotencyTemplate: Sendable {
    private enum Piece: Sendable {
        case text(String)
        case argument(String)
    }

    private let pieces: [Piece]

    init(_ template: String) {
        var pieces: [Piece] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.argument(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// The argument names the template refers to, in order.
    var placeholders: [String] {
        pieces.compactMap { piece in
            if case .argument(let name) = piece { return name }
            return nil
        }
    }

    /// The key for a run with `args`: strings as they are, other values as compact JSON.
    func filled(with args: [String: JSONValue]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .argument(let name): args[name].map(Self.render) ?? "{\(name)}"
            }
        }
        .joined()
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .null: return "null"
        case .array, .object: return value.compactText
        }
    }
}
