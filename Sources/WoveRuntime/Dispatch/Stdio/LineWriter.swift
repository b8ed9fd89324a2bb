#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes frame lines to a descriptor without ever blocking the caller's thread, whole lines in
/// order, with many writers at once.
///
/// On a socket, a write first tries a non-blocking `send`; when the peer's buffer is full, or on
/// any other descriptor (a pipe, a terminal), the bytes queue for a writer thread of this
/// writer's own, started on first need, which writes everything queued in one call. Each
/// `write` returns once its bytes are written, so the queue holds at most one line per waiting
/// caller. ``enqueue(_:)``, for a thread that may block but must not suspend, returns as soon as
/// its bytes are queued, and waits for room only once more than ``enqueueLimit`` bytes are. A
/// peer that stops reading therefore holds back only this writer's callers; the writer thread's
/// blocking `send` ends with the socket's send timeout, if it has one (see
/// ``Descriptors/limitSends(on:to:)``), and then every waiting and later write fails.
///
/// After any failure the descriptor is closed: a partly written line would corrupt every later
/// frame.
package final class LineWriter: @unchecked Sendable {
    // Safe to share: every stored `var` is read and written only with `mutex` held.

    private struct Pending {
        let bytes: [UInt8]
        let written: Int
        /// The caller of ``write(_:)`` waiting for these bytes; `nil` for ``enqueue(_:)``'s.
        let waiter: UnsafeContinuation<Void, any Error>?
    }

    private let mutex = PThreadMutex()
    private let name: String
    private let isSocket: Bool
    private var descriptor: Int32
    private var queue: [Pending] = []
    /// The bytes in `queue` still to write.
    private var queuedBytes = 0
    /// Whether the writer thread is writing a batch taken from the queue.
    private var writing = false
    /// Whether a caller is sending lines itself (see `sendInline`): the queue is its to send.
    private var combining = false
    /// How many batches a caller sends for others before it leaves the rest to the thread.
    private static let inlineRounds = 8
    /// How many queued bytes make ``enqueue(_:)`` wait for the writer to take them.
    package static let enqueueLimit = 1 << 20
    private var threadStarted = false
    /// Set by ``finish()``: close once the queue is written.
    private var finishing = false
    private var failure: SystemCallError?

    /// A writer of `descriptor`, which it owns and closes; its thread, if it needs one, is named
    /// `name`.
    package init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        var status = stat()
        isSocket = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
    }

    /// Writes all of `bytes` after every earlier write; returns once they are written.
    ///
    /// - Throws: ``SystemCallError`` if the descriptor failed (`EPIPE` once it is closed), now
    ///   or on an earlier write.
    package func write(_ bytes: [UInt8]) async throws {
        try await withUnsafeThrowingContinuation { (waiter: UnsafeContinuation<Void, any Error>) in
            submit(bytes, waiter: waiter)
        }
    }

    /// Queues all of `bytes` after every earlier write and returns without waiting for them to be
    /// written, unless more than ``enqueueLimit`` bytes are queued already: then it first waits,
    /// blocking the calling thread, until the writer has taken them. For a thread that may block
    /// but must not suspend: one of Wove's blocking threads, never a cooperative one. Bytes that
    /// cannot be written (the descriptor failed or is closed) are dropped.
    package func enqueue(_ bytes: [UInt8]) { submit(bytes, waiter: nil) }

    /// Sends `bytes` now, on the caller's thread, when nothing is queued before them on a socket;
    /// otherwise queues them for the writer thread, or for the caller sending already. Without a
    /// `waiter`, first waits while more than ``enqueueLimit`` bytes are queued.
    private func submit(_ bytes: [UInt8], waiter: UnsafeContinuation<Void, any Error>?) {
        mutex.lock()
        if waiter == nil {
            // Whoever takes the queue, or fails or finishes the writer, broadcasts.
            while queuedBytes > Self.enqueueLimit, failure == nil, !finishing, descriptor >= 0 {
                mutex.wait()
            }
        }
        if let failure {
            mutex.unlock()
            waiter?.resume(throwing: failure)
            return
        }
        if finishing || descriptor < 0 {
            mutex.unlock()
            waiter?.resume(throwing: SystemCallError("send", code: EPIPE))
            return
        }
        let line = Pending(bytes: bytes, written: 0, waiter: waiter)
        guard isSocket, queue.isEmpty, !writing, !combining else {
            queue.append(line)
            queuedBytes += bytes.count
            // A caller sending now takes the line with its next batch.
            if !combining { startOrWakeThread() }
            return mutex.unlock()
        }
        combining = true
        let target = descriptor
        mutex.unlock()
        sendInline([line], to: target)
    }

    /// Sends `batch`, then whatever other callers queued meanwhile, batch after batch, each in
    /// one non-blocking `send`, until nothing is queued: the lines of many concurrent writers
    /// go out in few system calls, and no caller waits on the mutex while another sends. What
    /// the peer does not take at once is left to the writer thread. Called with `combining` set.
    private func sendInline(_ first: [Pending], to target: Int32) {
        var batch = first
        for round in 1... {
            let bytes = batch.count == 1 ? batch[0].bytes : batch.flatMap(\.bytes)
            let result = Descriptors.sendWithoutWaiting(bytes, from: 0, to: target)
            mutex.lock()
            switch result {
            case .failure(let error):
                combining = false
                let waiters = batch.map(\.waiter) + fail(error)
                mutex.unlock()
                for waiter in waiters { waiter?.resume(throwing: error) }
                return
            case .success(let sent) where sent < bytes.count:
                // The peer's buffer is full: the thread writes the rest, before anything newer.
                combining = false
                let (done, rest) = Self.split(batch, after: sent)
                queue.insert(contentsOf: rest, at: 0)
                queuedBytes += rest.reduce(0) { $0 + $1.bytes.count - $1.written }
                startOrWakeThread()
                mutex.unlock()
                for line in done { line.waiter?.resume() }
                return
            case .success where round == Self.inlineRounds && !queue.isEmpty:
                // Others keep writing: their lines go to the thread, so this caller returns.
                combining = false
                startOrWakeThread()
                mutex.unlock()
                for line in batch { line.waiter?.resume() }
                return
            case .success:
                let next = takeQueue()
                if next.isEmpty {
                    combining = false
                    if finishing { threadStarted ? mutex.broadcast() : closeDescriptor() }
                }
                mutex.unlock()
                for line in batch { line.waiter?.resume() }
                guard !next.isEmpty else { return }
                batch = next
            }
        }
    }

    /// The lines of `batch` wholly within its first `count` bytes, and the rest, the first of
    /// them perhaps partly written.
    private static func split(_ batch: [Pending], after count: Int) -> (done: [Pending], rest: [Pending]) {
        var remaining = count
        var done: [Pending] = []
        var rest: [Pending] = []
        for line in batch {
            // Once a line is left partly written, every later one waits, even an empty one.
            if rest.isEmpty, remaining >= line.bytes.count {
                remaining -= line.bytes.count
                done.append(line)
            } else {
                rest.append(Pending(bytes: line.bytes, written: remaining, waiter: line.waiter))
                remaining = 0
            }
        }
        return (done, rest)
    }

    /// Whether writes fail from now on: one failed, or ``finish()`` was called.
    package var isClosed: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return failure != nil || finishing
    }

    /// Closes the descriptor once every queued line is written; later writes fail with `EPIPE`.
    /// Returns at once.
    package func finish() {
        mutex.lock()
        finishing = true
        if threadStarted {
            mutex.broadcast()
        } else if combining {
            // The caller sending closes the descriptor once it has sent everything.
        } else if queue.isEmpty {
            closeDescriptor()
        } else {
            startOrWakeThread()
        }
        mutex.unlock()
    }

    deinit {
        if descriptor >= 0 { Descriptors.close(descriptor) }
    }

    // MARK: - With `mutex` held

    private func startOrWakeThread() {
        guard !threadStarted else { return mutex.broadcast() }
        threadStarted = true
        DetachedThread.start(name: name) { [self] in drain() }
    }

    /// Empties the queue and returns what it held, waking any ``enqueue(_:)`` waiting for room.
    private func takeQueue() -> [Pending] {
        defer {
            queue.removeAll()
            queuedBytes = 0
            mutex.broadcast()
        }
        return queue
    }

    /// Records `error`, closes the descriptor and returns every queued waiter to fail.
    private func fail(_ error: SystemCallError) -> [UnsafeContinuation<Void, any Error>?] {
        failure = failure ?? error
        closeDescriptor()
        return takeQueue().map(\.waiter)
    }

    private func closeDescriptor() {
        Descriptors.close(descriptor)
        descriptor = -1
    }

    // MARK: - The writer thread

    private func drain() {
        mutex.lock()
        while true {
            // While a caller sends, the queue is its own.
            while combining || (queue.isEmpty && !finishing) { mutex.wait() }
            if queue.isEmpty {
                if failure == nil { closeDescriptor() }
                break
            }
            let batch = takeQueue()
            writing = true
            let target = descriptor
            mutex.unlock()
            var bytes: [UInt8] = []
            for pending in batch { bytes.append(contentsOf: pending.bytes[pending.written...]) }
            let result = Result { () throws(SystemCallError) in
                isSocket ? try Descriptors.send(bytes, to: target) : try Descriptors.write(bytes, to: target)
            }
            mutex.lock()
            writing = false
            switch result {
            case .success:
                mutex.unlock()
                for pending in batch { pending.waiter?.resume() }
                mutex.lock()
            case .failure(let error):
                let waiters = batch.map(\.waiter) + fail(error)
                mutex.unlock()
                for waiter in waiters { waiter?.resume(throwing: error) }
                return
            }
        }
        mutex.unlock()
    }
}
