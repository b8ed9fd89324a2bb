/// A terminal screen that interprets what a progress renderer writes: text, `\n`, `\r`, cursor
/// up (`ESC[nA`), erase to the end of the screen (`ESC[J`) and colours (`ESC[…m`, dropped).
/// Anything else is kept as text, so an unexpected code shows up in the screen.
struct VirtualTerminal {
    private(set) var rows: [String] = [""]
    private var row = 0
    private var column = 0

    /// The screen's lines, without trailing empty ones.
    var screen: [String] {
        var lines = rows
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    mutating func feed(_ text: String) {
        var characters = text[...]
        while let character = characters.popFirst() {
            switch character {
            case "\n":
                row += 1
                column = 0
                if row == rows.count { rows.append("") }
            case "\r":
                column = 0
            case "\u{1B}":
                guard characters.first == "[" else {
                    put(String(character))
                    continue
                }
                characters.removeFirst()
                let parameter = characters.prefix { $0.isNumber || $0 == ";" }
                characters.removeFirst(parameter.count)
                let final = characters.popFirst()
                switch final {
                case "A": row = max(0, row - (Int(parameter) ?? 1))
                case "J":
                    rows[row] = String(rows[row].prefix(column))
                    rows.removeSubrange((row + 1)...)
                case "m": break
                default: put("⟨ESC[\(parameter)\(final.map(String.init) ?? "")⟩")
                }
            default:
                put(String(character))
            }
        }
    }

    private mutating func put(_ text: some StringProtocol) {
        for character in text {
            var line = Array(rows[row])
            while line.count < column { line.append(" ") }
            if column < line.count { line[column] = character } else { line.append(character) }
            rows[row] = String(line)
            column += 1
        }
    }
}
