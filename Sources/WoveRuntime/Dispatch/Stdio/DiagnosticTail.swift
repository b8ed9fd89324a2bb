/// The last lines a worker wrote to stderr, kept so a worker that dies can be reported with its
/// own last words.
///
/// A Swift program that traps prints `Fatal error: …` and then a long backtrace; the report
/// quotes that line rather than the backtrace's last lines.
final class DiagnosticTail: Sendable {
    /// How many lines are kept.
    static let keptLines = 5
    /// The longest line kept; longer ones are cut.
    static let lineLimit = 1024

    private struct State: Sendable {
        var lines: [String] = []
        var partial: [UInt8] = []
        var fatal: String?
    }

    private let state = LockedValue(State())

    /// Takes the next chunk of stderr.
    func append(_ chunk: [UInt8]) {
        state.withLock { state in
            for byte in chunk {
                if byte == UInt8(ascii: "\n") {
                    Self.finishLine(&state)
                } else if state.partial.count < Self.lineLimit {
                    state.partial.append(byte)
                }
            }
        }
    }

    /// The trap message if there was one, else the last ``keptLines`` non-empty lines, joined
    /// with " | "; `nil` if nothing was written.
    var lastLines: String? {
        state.withLock { state in
            Self.finishLine(&state)
            if let fatal = state.fatal { return fatal }
            return state.lines.isEmpty ? nil : state.lines.joined(separator: " | ")
        }
    }

    private static func finishLine(_ state: inout State) {
        let line = String(decoding: state.partial, as: UTF8.self).trimmingWhitespace
        state.partial.removeAll(keepingCapacity: true)
        guard !line.isEmpty else { return }
        if line.contains("Fatal error:") { state.fatal = line }
        state.lines.append(line)
        if state.lines.count > keptLines { state.lines.removeFirst() }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
