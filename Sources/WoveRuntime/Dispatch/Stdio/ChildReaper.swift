#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, from its `waitpid` status.
enum ChildEnding: Equatable, Sendable {
    case exited(code: Int32)
    case killed(signal: Int32)

    /// The ending `status` (from `waitpid`, without `WUNTRACED`) describes.
    init(status: Int32) {
        let signal = status & 0x7f
        self = signal == 0 ? .exited(code: (status >> 8) & 0xff) : .killed(signal: signal)
    }
}

/// Reaps the child processes Wove starts, each on a small thread of its own while it runs.
enum ChildReaper {
    /// Waits for `pid` to exit; calls `exited` while the pid still belongs to the exited child (a
    /// zombie, not yet reaped: no other process can have the pid, so a signal sent to it until
    /// then reaches nobody else), then reaps it and calls `reaped` with its `waitpid` status, or
    /// `nil` if it was not a child any more (reaped elsewhere, or `SIGCHLD` ignored).
    static func reap(
        _ pid: pid_t,
        exited: @escaping @Sendable () -> Void,
        reaped: @escaping @Sendable (Int32?) -> Void
    ) {
        // It only waits, and a host may run a thousand workers: a small stack will do.
        DetachedThread.start(name: "wove.wait.\(pid)", stackSize: 128 * 1024) {
            var info = siginfo_t()
            var waited: Int32
            repeat {
                waited = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT)
            } while waited == -1 && errno == EINTR
            exited()
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, 0) } while result == -1 && errno == EINTR
            reaped(result == pid ? status : nil)
        }
    }
}
