/// Where a task was declared: the `#fileID` and `#line` of its `Task(...)` call.
///
/// Every graph error names the locations of the tasks involved, so a bad
/// dependency points at the line that declared it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The declaring file, as `#fileID` spells it (`Module/File.swift`).
    public var fileID: String { staticFileID.description }
    /// The declaring line.
    public let line: Int
    private let staticFileID: StaticString

    /// Creates a location; the defaults capture the caller's position.
    public init(fileID: StaticString = #fileID, line: Int = #line) {
        self.staticFileID = fileID
        self.line = line
    }

    /// `File.swift:12`.
    public var description: String { "\(fileID):\(line)" }

    /// Two locations are equal when file and line match.
    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.line == rhs.line && lhs.fileID == rhs.fileID
    }

    /// Whether `other` is the same file and line, comparing the file names' storage first: the
    /// `#fileID` literals of one file share it.
    func isSame(as other: SourceLocation) -> Bool {
        guard line == other.line else { return false }
        return fileStorage != 0 && fileStorage == other.fileStorage || fileID == other.fileID
    }

    /// The address of the file name's characters, `0` if the literal has none.
    var fileStorage: UInt {
        staticFileID.hasPointerRepresentation ? UInt(bitPattern: staticFileID.utf8Start) : 0
    }

    /// Hashes the file and line.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(fileID)
    }
}
