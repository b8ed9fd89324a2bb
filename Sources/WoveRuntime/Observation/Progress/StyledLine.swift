/// One line of progress text in styled runs, so it can be cut to the terminal's width without
/// cutting an escape code, and printed with or without colour.
struct StyledLine {
    enum Style {
        case plain, bold, dim, green, red

        /// The SGR parameter that turns the style on.
        var code: String? {
            switch self {
            case .plain: nil
            case .bold: "1"
            case .dim: "2"
            case .green: "32"
            case .red: "31"
            }
        }
    }

    private(set) var runs: [(text: String, style: Style)] = []

    mutating func append(_ text: String, _ style: Style = .plain) { runs.append((text, style)) }

    /// The text alone.
    var plain: String { runs.map(\.text).joined() }

    /// The line cut to `width` characters, with colour codes when `colors` is set.
    func rendered(width: Int, colors: Bool) -> String {
        var output = ""
        var left = max(0, width)
        for (text, style) in runs where left > 0 {
            let piece = String(text.prefix(left))
            left -= piece.count
            if colors, let code = style.code {
                output += "\u{1B}[\(code)m\(piece)\u{1B}[0m"
            } else {
                output += piece
            }
        }
        return output
    }
}
