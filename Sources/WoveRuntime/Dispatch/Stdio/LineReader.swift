import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads newline-terminated lines from a descriptor on a thread of its own, until end of file,
/// a read error or ``stop()``.
///
/// Why a dedicated thread doing blocking `read(2)`, not `FileHandle.readabilityHandler` or a
/// read on the cooperative pool: a blocking read on a Swift-concurrency thread would hold one of
/// its few threads (two on a two-core machine) for as long as the peer stays silent, and
/// `readabilityHandler` on Linux is a dispatch source with a history of late or missed EOF
/// callbacks. One parked thread per worker process is cheap and has plain semantics. The thread
/// waits in `poll(2)` with a short timeout, so ``stop()`` ends it promptly even if the peer
/// never writes or closes.
package final class LineReader: Sendable {
    /// Why reading ended.
    package enum End: Sendable, Equatable {
        /// The peer closed its end.
        case endOfFile
        /// `read` or `poll` failed with this `errno`.
        case failed(Int32)
        /// ``LineReader/stop()`` was called.
        case stopped
    }

    /// The longest line kept; a longer one is cut off and reported as it is.
    static let maximumLineLength = 64 << 20

    private let stopping = Atomic<Bool>(false)
    private let finished = OneShotResult<End>()

    private let descriptor: Int32
    private let name: String
    private let closeWhenDone: Bool

    /// A reader of `descriptor` whose thread will be named `name`; with `closeWhenDone` the
    /// descriptor is closed when reading ends. Nothing is read before ``start(line:end:)``.
    package init(descriptor: Int32, name: String, closeWhenDone: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.closeWhenDone = closeWhenDone
    }

    /// Starts the reading thread. `line` gets each line without its newline (a final
    /// unterminated line too), on that thread, in order; `end` is called once, last, after the
    /// descriptor was closed (with `closeWhenDone`). Call it once.
    package func start(
        line: @escaping @Sendable ([UInt8]) -> Void,
        end: @escaping @Sendable (End) -> Void
    ) {
        Thread.detachNewThread { [self] in
            ThreadName.set(name)
            let reason = readLines(line: line)
            if closeWhenDone { Descriptors.close(descriptor) }
            end(reason)
            finished.resolve(.success(reason))
        }
    }

    /// Asks the thread to stop; it notices within one poll interval.
    package func stop() { stopping.store(true, ordering: .relaxed) }

    /// Waits until the thread has delivered its last line and called `end`.
    package func waitUntilFinished() async {
        _ = try? await finished.value
    }

    private func readLines(line: ([UInt8]) -> Void) -> End {
        var pending: [UInt8] = []
        var scanned = 0  // `pending[..<scanned]` holds no newline
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        func flush(final: Bool) {
            var start = 0
            while let newline = pending[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                line(Array(pending[start..<newline]))
                start = newline + 1
            }
            pending.removeSubrange(0..<start)
            scanned = pending.count
            if final && !pending.isEmpty || pending.count > Self.maximumLineLength {
                line(pending)
                pending.removeAll()
                scanned = 0
            }
        }
        while !stopping.load(ordering: .relaxed) {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, 100)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if ready == 0 { continue }
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base, buffer.count)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                let code = errno
                flush(final: true)
                return .failed(code)
            }
            if count == 0 {
                flush(final: true)
                return .endOfFile
            }
            pending.append(contentsOf: chunk[0..<count])
            flush(final: false)
        }
        return .stopped
    }
}
