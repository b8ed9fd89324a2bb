/// Splits a command string into words the way a POSIX shell would for a plain command line:
/// whitespace separates words; `'…'` keeps its text literally; `"…"` keeps its text with `\"`,
/// `\\`, `\$` and `` \` `` unescaped; a backslash outside quotes escapes the next character.
/// No expansion of variables, globs or `~` happens.
enum ShellWords {
    /// Why a command string could not be split.
    enum Failure: Error, Equatable {
        case unterminatedQuote(Character)
        case danglingBackslash
    }

    static func split(_ text: String) throws(Failure) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "'":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw .unterminatedQuote("'") }
                    if next == "'" { break }
                    word.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw .unterminatedQuote("\"") }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { throw .unterminatedQuote("\"") }
                        if !"\"\\$`".contains(escaped) { word.append("\\") }
                        word.append(escaped)
                    } else {
                        word.append(next)
                    }
                }
            case "\\":
                guard let escaped = iterator.next() else { throw .danglingBackslash }
                inWord = true
                word.append(escaped)
            case _ where character.isWhitespace:
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
