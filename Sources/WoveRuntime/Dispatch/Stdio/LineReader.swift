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
    /// How reading ends when ``stop(reporting:)`` ends it.
    private let stopReason = LockedValue(End.stopped)
    private let finished = OneShotResult<End>()

    private let descriptor: Int32
    private let diagnostics: Int32?
    private let name: String
    private let closeWhenDone: Bool

    /// A reader of `descriptor` whose thread will be named `name`; with `closeWhenDone` the
    /// descriptor is closed when reading ends. With `diagnostics` (a worker's stderr), that
    /// descriptor is read too, as raw chunks, and always closed at the end. Nothing is read
    /// before ``start(line:diagnostics:end:)``.
    package init(descriptor: Int32, name: String, closeWhenDone: Bool, diagnostics: Int32? = nil) {
        self.descriptor = descriptor
        self.diagnostics = diagnostics
        self.name = name
        self.closeWhenDone = closeWhenDone
    }

    /// Starts the reading thread. `line` gets each line without its newline (a final
    /// unterminated line too), on that thread, in order; `diagnostics` gets what the diagnostics
    /// descriptor delivers, as it comes. Once the main descriptor ends, the diagnostics one is
    /// read to its end for up to ``diagnosticsGrace``, so a dying worker's last words arrive
    /// before `end`, which is called once, last, after the descriptors were closed. Call it once.
    package func start(
        line: @escaping @Sendable ([UInt8]) -> Void,
        diagnostics: @escaping @Sendable ([UInt8]) -> Void = { _ in },
        end: @escaping @Sendable (End) -> Void
    ) {
        DetachedThread.start(name: name) { [self] in
            let reason = readLines(line: line, diagnostics: diagnostics)
            if closeWhenDone { Descriptors.close(descriptor) }
            if let diagnosticsDescriptor = self.diagnostics { Descriptors.close(diagnosticsDescriptor) }
            end(reason)
            finished.resolve(.success(reason))
        }
    }

    /// How long the diagnostics descriptor is still read after the main one ended.
    static let diagnosticsGrace = Duration.milliseconds(500)

    /// Asks the thread to stop; it notices within one poll interval and reports `end` (unless
    /// reading has ended already).
    package func stop(reporting end: End = .stopped) {
        stopReason.withLock { $0 = end }
        stopping.store(true, ordering: .releasing)
    }

    /// Waits until the thread has delivered its last line and called `end`.
    package func waitUntilFinished() async {
        _ = try? await finished.value
    }

    private func readLines(line: ([UInt8]) -> Void, diagnostics report: ([UInt8]) -> Void) -> End {
        var pending: [UInt8] = []
        var scanned = 0  // `pending[..<scanned]` holds no newline
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        /// The first newline in `pending` at or after `position`, found with `memchr`.
        func newline(from position: Int) -> Int? {
            pending.withUnsafeBufferPointer { buffer in
                guard position < buffer.count, let base = buffer.baseAddress,
                    let found = memchr(base + position, Int32(UInt8(ascii: "\n")), buffer.count - position)
                else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
        }
        func flush(final: Bool) {
            var start = 0
            while let newline = newline(from: max(start, scanned)) {
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
        /// Reads once from `descriptor`: the byte count, 0 at end of file, -1 (with errno) on error.
        func readChunk(_ descriptor: Int32) -> Int {
            chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base, buffer.count)
            }
        }
        var diagnosticsOpen = diagnostics != nil
        var ended: End?
        var drainDeadline: ContinuousClock.Instant?
        while !stopping.load(ordering: .acquiring) {
            if ended != nil, !diagnosticsOpen { break }
            if let drainDeadline, ContinuousClock.now >= drainDeadline { break }
            var requests = [pollfd(fd: ended == nil ? descriptor : -1, events: Int16(POLLIN), revents: 0)]
            if diagnosticsOpen, let diagnostics {
                requests.append(pollfd(fd: diagnostics, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&requests, nfds_t(requests.count), 100)
            if ready < 0 {
                if errno == EINTR { continue }
                return ended ?? .failed(errno)
            }
            if requests.count > 1, requests[1].revents != 0, let diagnostics {
                let count = readChunk(diagnostics)
                if count > 0 {
                    report(Array(chunk[0..<count]))
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    diagnosticsOpen = false
                }
            }
            guard ended == nil, requests[0].revents != 0 else { continue }
            let count = readChunk(descriptor)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                let code = errno
                flush(final: true)
                ended = .failed(code)
            } else if count == 0 {
                flush(final: true)
                ended = .endOfFile
            } else {
                pending.append(contentsOf: chunk[0..<count])
                flush(final: false)
                continue
            }
            drainDeadline = ContinuousClock.now + Self.diagnosticsGrace
        }
        if let ended { return ended }
        flush(final: true)
        return stopReason.withLock { $0 }
    }
}
