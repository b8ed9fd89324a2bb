#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process in a session of its own, so it keeps running when the parent exits or its
/// terminal closes: the process a forked weave continues in.
enum DetachedProcess {
    /// Why a child could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        let executable: String
        let code: Int32

        var description: String {
            "Could not start '\(executable)' for a forked weave: \(String(cString: strerror(code)))."
        }
    }

    /// `POSIX_SPAWN_SETSID`; glibc (2.26 and later) defines it as 0x80 only under `_GNU_SOURCE`,
    /// which Swift's Glibc module does not set.
    /// On Darwin, also `POSIX_SPAWN_CLOEXEC_DEFAULT`: only descriptors set up by file actions
    /// reach the child (there is no `/proc/self/fd` to list).
    #if canImport(Glibc) || canImport(Musl)
        private static let newSessionFlag: Int16 = 0x80
    #else
        private static let newSessionFlag = Int16(POSIX_SPAWN_SETSID | POSIX_SPAWN_CLOEXEC_DEFAULT)
    #endif

    /// Starts `executable` with `environment` added to this process's, standard input and
    /// output on `/dev/null` and standard error inherited, in a new session.
    static func spawn(_ executable: String, environment extra: [String: String]) throws -> pid_t {
        let argv = CStrings([executable])
        defer { argv.release() }
        let envp = CStrings.environment(setting: extra)
        defer { envp.release() }
        guard argv.isComplete, envp.isComplete else { throw SpawnError(executable: executable, code: ENOMEM) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        // Descriptors opened without close-on-exec (a pipe the parent's own parent reads to its
        // end, say) must not live on in a child that outlives the parent. glibc ignores closing
        // a descriptor that is no longer open by the time the child starts.
        #if canImport(Darwin)
            posix_spawn_file_actions_addinherit_np(&actions, 2)
        #else
            try ChildSpawn.closeInheritedDescriptors(&actions)
        #endif
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, newSessionFlag)
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        guard code == 0 else { throw SpawnError(executable: executable, code: code) }
        return pid
    }

    /// Waits, on a thread of its own, for `pid` to exit, then calls `exited` while the pid still
    /// belongs to the exited child (a zombie, not yet reaped, so no other process can have it),
    /// and only then reaps it. Returns its exit status, or `nil` if it was not a child any more
    /// (reaped elsewhere).
    static func exitStatus(of pid: pid_t, beforeReaping exited: @escaping @Sendable () -> Void) async
        -> Int32?
    {
        await withCheckedContinuation { continuation in
            ChildReaper.reap(pid, exited: exited) { continuation.resume(returning: $0) }
        }
    }
}

extension DetachedProcess {
    /// "exited with code 3", "was killed by signal 9", from a `waitpid` status.
    static func describe(_ status: Int32?) -> String {
        switch status.map(ChildEnding.init) {
        case nil: "ended"
        case .exited(let code): "exited with code \(code)"
        case .killed(let signal): "was killed by signal \(signal)"
        }
    }
}
