#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX descriptor calls of the stdio transport, with `EINTR` and partial writes handled.
///
/// A worker's stdin and stdout are Unix stream sockets rather than pipes: a worker that dies
/// while the runtime writes to it then makes `send` fail with `EPIPE` (`MSG_NOSIGNAL`,
/// `SO_NOSIGPIPE` on Darwin) instead of raising `SIGPIPE`, which would kill the whole host
/// process. To the worker they read and write like pipes.
package enum Descriptors {
    /// A connected pair of stream sockets, both closed on `exec` so that no other child
    /// inherits them, and both above the standard descriptors: in a host that closed its stdin
    /// or stdout, a socket numbered 0 or 1 would take in what the host prints, and a child's
    /// descriptors set up in order could overwrite one another.
    static func socketPair() throws(SystemCallError) -> (Int32, Int32) {
        var pair: [Int32] = [-1, -1]
        #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #elseif canImport(Musl)
            let type = SOCK_STREAM | SOCK_CLOEXEC
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &pair) == 0 else { throw SystemCallError("socketpair") }
        #if canImport(Darwin)
            for descriptor in pair {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                var on: Int32 = 1
                _ = setsockopt(
                    descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
            }
        #endif
        for index in pair.indices where pair[index] <= STDERR_FILENO {
            let moved = fcntl(pair[index], F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
            let failure = moved < 0 ? SystemCallError("fcntl") : nil
            close(pair[index])
            pair[index] = moved
            if let failure {
                for descriptor in pair where descriptor >= 0 { close(descriptor) }
                throw failure
            }
        }
        return (pair[0], pair[1])
    }

    /// Makes a `send` on the socket `descriptor` that cannot proceed for `limit` fail with
    /// `EAGAIN` instead of blocking for good.
    static func limitSends(on descriptor: Int32, to limit: Duration) throws(SystemCallError) {
        let (seconds, attoseconds) = limit.components
        var interval = timeval()
        interval.tv_sec = Int(seconds)
        interval.tv_usec = .init(attoseconds / 1_000_000_000_000)
        guard
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                == 0
        else { throw SystemCallError("setsockopt") }
    }

    /// Writes every byte of `bytes` to the socket `descriptor`; a closed peer throws `EPIPE`
    /// rather than raising `SIGPIPE`, and a send past the socket's send timeout (see
    /// ``limitSends(on:to:)``) throws `EAGAIN`.
    static func send(_ bytes: [UInt8], to descriptor: Int32) throws(SystemCallError) {
        #if canImport(Darwin)
            let flags: Int32 = 0
        #else
            let flags = Int32(MSG_NOSIGNAL)
        #endif
        try writeLoop(bytes, "send", retryWhenFull: false) { pointer, count in
            #if canImport(Darwin)
                Darwin.send(descriptor, pointer, count, flags)
            #elseif canImport(Glibc)
                Glibc.send(descriptor, pointer, count, flags)
            #else
                Musl.send(descriptor, pointer, count, flags)
            #endif
        }
    }

    /// Sends as much of `bytes` from `offset` on as the socket `descriptor` takes without
    /// waiting; returns the new offset. A closed peer fails with `EPIPE`, never `SIGPIPE`.
    static func sendWithoutWaiting(_ bytes: [UInt8], from offset: Int, to descriptor: Int32)
        -> Result<Int, SystemCallError>
    {
        #if canImport(Darwin)
            let flags = MSG_DONTWAIT
        #else
            let flags = Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)
        #endif
        var offset = offset
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                #if canImport(Darwin)
                    return Darwin.send(descriptor, base + offset, buffer.count - offset, flags)
                #elseif canImport(Glibc)
                    return Glibc.send(descriptor, base + offset, buffer.count - offset, flags)
                #else
                    return Musl.send(descriptor, base + offset, buffer.count - offset, flags)
                #endif
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            return .failure(SystemCallError("send"))
        }
        return .success(offset)
    }

    /// Writes every byte of `bytes` to `descriptor` (a pipe, file or socket) with `write(2)`.
    package static func write(_ bytes: [UInt8], to descriptor: Int32) throws(SystemCallError) {
        try writeLoop(bytes, "write") { pointer, count in
            #if canImport(Darwin)
                Darwin.write(descriptor, pointer, count)
            #elseif canImport(Glibc)
                Glibc.write(descriptor, pointer, count)
            #else
                Musl.write(descriptor, pointer, count)
            #endif
        }
    }

    /// Writes `text` to the process's standard error, ignoring failure: a diagnostic has nowhere
    /// else to go.
    package static func writeToStandardError(_ text: String) {
        try? write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Closes `descriptor`, ignoring errors (there is nothing left to do with it either way).
    static func close(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        #if canImport(Darwin)
            _ = Darwin.close(descriptor)
        #elseif canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Musl.close(descriptor)
        #endif
    }

    private static func writeLoop(
        _ bytes: [UInt8],
        _ call: String,
        retryWhenFull: Bool = true,
        _ write: (UnsafeRawPointer, Int) -> Int
    ) throws(SystemCallError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR || (errno == EAGAIN && retryWhenFull) { continue }
                throw SystemCallError(call)
            }
            offset += written
        }
    }
}

/// A system call failed; the message names the call and `strerror` of its `errno`.
package struct SystemCallError: Error, CustomStringConvertible {
    /// The call that failed.
    package let call: String
    /// Its `errno`.
    package let code: Int32

    /// The error of `call`, with the current `errno`.
    package init(_ call: String, code: Int32 = errno) {
        self.call = call
        self.code = code
    }

    package var description: String { "\(call) failed: \(String(cString: strerror(code))) (errno \(code))" }
}
