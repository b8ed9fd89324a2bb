import Foundation
import Testing

@testable import WoveRuntime

/// Many writers at once on one socket: every line arrives whole, each writer's in its order,
/// whether the peer reads at once or only later.
@Suite("Line writer")
struct LineWriterTests {
    /// Everything the peer end `descriptor` reads until end of file, read on a thread of its own
    /// once `start` is set.
    private final class Reader: @unchecked Sendable {
        // Safe to share: `bytes` is written by the reading thread only, and read only after
        // `done` has been set, which happens after the last write.
        private var bytes: [UInt8] = []
        let done = OneShotResult<Void>()

        init(_ descriptor: Int32, after delay: TimeInterval) {
            Thread.detachNewThread { [self] in
                Thread.sleep(forTimeInterval: delay)
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    bytes.append(contentsOf: buffer[0..<count])
                }
                close(descriptor)
                done.resolve(.success(()))
            }
        }

        var lines: [String] {
            get async throws {
                try await done.value
                return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            }
        }
    }

    private static func paddingLength(_ line: Int) -> Int { line == 7 ? 150_000 : line % 13 }

    private func writeConcurrently(readerDelay: TimeInterval) async throws {
        let (ours, theirs) = try Descriptors.socketPair()
        let writer = LineWriter(descriptor: ours, name: "wove.test-out")
        let reader = Reader(theirs, after: readerDelay)
        let writers = 16
        let linesEach = 100
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writerIndex in 0..<writers {
                group.addTask {
                    for line in 0..<linesEach {
                        // One line per writer larger than half a socket buffer, so sends are cut short.
                        let padding = String(repeating: "x", count: Self.paddingLength(line))
                        try await writer.write(Array("\(writerIndex):\(line):\(padding)\n".utf8))
                    }
                }
            }
            try await group.waitForAll()
        }
        writer.finish()
        let lines = try await reader.lines
        #expect(lines.count == writers * linesEach)
        var next = [Int](repeating: 0, count: writers)
        for line in lines {
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let writerIndex = Int(parts[0]), let number = Int(parts[1]),
                writerIndex < writers
            else {
                Issue.record("a line was cut or mixed: \(line.prefix(80))")
                return
            }
            #expect(number == next[writerIndex], "writer \(writerIndex)'s lines out of order")
            #expect(parts[2].utf8.count == Self.paddingLength(number))
            next[writerIndex] = number + 1
        }
    }

    @Test("lines from many writers arrive whole and in each writer's order, the peer reading at once")
    func readingAtOnce() async throws {
        try await writeConcurrently(readerDelay: 0)
    }

    @Test("the same when the peer starts reading only after its buffer has filled")
    func readingLater() async throws {
        try await writeConcurrently(readerDelay: 1)
    }
}
