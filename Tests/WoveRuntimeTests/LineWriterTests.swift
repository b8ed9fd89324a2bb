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

        init(_ descriptor: Int32, after delay: TimeInterval, gate: DispatchSemaphore? = nil) {
            Thread.detachNewThread { [self] in
                Thread.sleep(forTimeInterval: delay)
                gate?.wait()
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

    /// Runs `body` on a thread of its own, as a blocking thread would run it; returns once it has.
    private static func onThread(_ body: @escaping @Sendable () -> Void) async {
        let finished = OneShotResult<Void>()
        Thread.detachNewThread {
            body()
            finished.resolve(.success(()))
        }
        try? await finished.value
    }

    private func writeConcurrently(readerDelay: TimeInterval, enqueuing: Bool = false) async throws {
        let (ours, theirs) = try Descriptors.socketPair()
        let writer = LineWriter(descriptor: ours, name: "wove.test-out")
        let reader = Reader(theirs, after: readerDelay)
        let writers = 16
        let linesEach = 100
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writerIndex in 0..<writers {
                // One line per writer larger than half a socket buffer, so sends are cut short.
                let line = { @Sendable (line: Int) in
                    Array(
                        "\(writerIndex):\(line):\(String(repeating: "x", count: Self.paddingLength(line)))\n"
                            .utf8)
                }
                group.addTask {
                    // With `enqueuing`, every other writer is a thread that queues its lines.
                    if enqueuing, writerIndex.isMultiple(of: 2) {
                        await Self.onThread { for index in 0..<linesEach { writer.enqueue(line(index)) } }
                    } else {
                        for index in 0..<linesEach { try await writer.write(line(index)) }
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

    @Test("the same with threads queueing their lines among tasks writing theirs", arguments: [0.0, 1.0])
    func enqueueingAmongWriters(readerDelay: TimeInterval) async throws {
        try await writeConcurrently(readerDelay: readerDelay, enqueuing: true)
    }

    @Test("a thread queueing lines waits once more than the limit is queued, until the peer reads")
    func enqueueWaitsForRoom() async throws {
        let (ours, theirs) = try Descriptors.socketPair()
        let writer = LineWriter(descriptor: ours, name: "wove.test-out")
        let gate = DispatchSemaphore(value: 0)
        let reader = Reader(theirs, after: 0, gate: gate)
        let lineLength = 1 << 16
        let lines = 3 * LineWriter.enqueueLimit / lineLength
        let queued = LockedValue(0)
        let finished = OneShotResult<Void>()
        Thread.detachNewThread {
            for index in 0..<lines {
                let digits = Array(String(index).utf8)
                writer.enqueue(
                    digits + [UInt8](repeating: UInt8(ascii: "x"), count: lineLength - digits.count - 1) + [
                        10
                    ])
                queued.withLock { $0 += 1 }
            }
            finished.resolve(.success(()))
        }
        // Unread, the socket takes a few hundred kilobytes and the queue a megabyte: then the thread waits.
        try await Task.sleep(for: .milliseconds(500))
        let queuedUnread = queued.withLock { $0 }
        #expect(queuedUnread > 0 && queuedUnread < lines, "\(queuedUnread) of \(lines) lines queued unread")
        gate.signal()
        try await finished.value
        writer.finish()
        let received = try await reader.lines
        #expect(received.count == lines)
        #expect(
            received.enumerated().allSatisfy { $1.hasPrefix("\($0)x") && $1.utf8.count == lineLength - 1 })
    }
}
