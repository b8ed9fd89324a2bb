#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a ``ProgressRenderer`` draws: a terminal, redrawn in place, or any other output, which
/// gets plain lines now and then.
public struct ProgressOutput: Sendable {
    /// Whether the output is a terminal that understands cursor movement.
    public let isTerminal: Bool
    /// Whether to colour the text (only on a terminal).
    public let usesColor: Bool
    /// The terminal's width in columns, read when the output is made; lines are cut to fit so that
    /// they do not wrap (a terminal narrowed later, or characters two columns wide, can still make
    /// one wrap, and a redraw then leave a line behind).
    public let width: Int
    let write: @Sendable (String) -> Void

    /// An output that hands each piece of text to `write`, on the renderer's own thread.
    ///
    /// - Parameters:
    ///   - isTerminal: Whether `write` reaches a terminal that understands ANSI cursor movement.
    ///   - usesColor: Whether to colour the text; ignored when `isTerminal` is false.
    ///   - width: The terminal's width in columns (at least 20 is used).
    ///   - write: Writes the text; may block, since it runs on the renderer's thread.
    public init(
        isTerminal: Bool, usesColor: Bool = false, width: Int = 80,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.usesColor = isTerminal && usesColor
        self.width = max(20, width)
        self.write = write
    }

    /// Standard error: redrawn in place when it is a terminal, in colour unless `NO_COLOR` is set
    /// (to anything) or `TERM` is `dumb`, as wide as the terminal (else `COLUMNS`, else 80).
    public static var standardError: ProgressOutput {
        let isTerminal = isatty(STDERR_FILENO) == 1 && variable("TERM") != "dumb"
        return ProgressOutput(
            isTerminal: isTerminal, usesColor: variable("NO_COLOR") == nil,
            width: terminalWidth(STDERR_FILENO) ?? variable("COLUMNS").flatMap { Int($0) } ?? 80
        ) { text in
            writeAll(Array(text.utf8), to: STDERR_FILENO)
        }
    }

    /// The environment variable `name`, if set.
    private static func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// The width of the terminal on `descriptor`, if it is one that says.
    private static func terminalWidth(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Writes every byte, retrying short and interrupted writes; gives up on any other error
    /// (progress is not worth failing a weave for).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

/// `write(2)`, under a name the struct's own `write` does not hide.
private let systemWrite: @Sendable (Int32, UnsafeRawPointer?, Int) -> Int = { write($0, $1, $2) }
