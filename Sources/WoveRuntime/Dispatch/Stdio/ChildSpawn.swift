import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a worker child process with `posix_spawn`, and reaps it.
///
/// Foundation's `Process` spent about a millisecond of the parent's CPU per start (its run-loop
/// bookkeeping, the environment turned into a dictionary and back, a close action for every
/// descriptor up to the highest open one); this costs a tenth of that. The child gets what
/// `Process` gave it: the three standard descriptors, no other descriptor of the parent, a
/// process group of its own (a terminal's Ctrl-C reaches the host, which stops its workers), and
/// the parent's environment.
enum ChildSpawn {
    /// How a reaped child ended, from its `waitpid` status: "exit status 3", "killed by signal 9".
    typealias ExitHandler = @Sendable (String) -> Void

    /// Starts `executable` with `arguments` (the first is the child's `argv[0]`), the parent's
    /// environment with `variable` set to `value`, and `input`, `output` and `errors` as its
    /// standard descriptors. Returns the child's process id.
    static func spawn(
        executable: String,
        arguments: [String],
        setting variable: String,
        to value: String,
        input: Int32,
        output: Int32,
        errors: Int32
    ) throws(SystemCallError) -> pid_t {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        try check("posix_spawn_file_actions_init", posix_spawn_file_actions_init(&actions))
        defer { posix_spawn_file_actions_destroy(&actions) }
        try check("posix_spawnattr_init", posix_spawnattr_init(&attributes))
        defer { posix_spawnattr_destroy(&attributes) }
        for (descriptor, target) in [(input, STDIN_FILENO), (output, STDOUT_FILENO), (errors, STDERR_FILENO)]
        {
            try check(
                "posix_spawn_file_actions_adddup2",
                posix_spawn_file_actions_adddup2(&actions, descriptor, target))
        }
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            try closeInheritedDescriptors(&actions)
        #endif
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        try check("posix_spawnattr_setsigmask", posix_spawnattr_setsigmask(&attributes, &noSignals))
        try check("posix_spawnattr_setpgroup", posix_spawnattr_setpgroup(&attributes, 0))
        try check("posix_spawnattr_setflags", posix_spawnattr_setflags(&attributes, Int16(flags)))

        let argv = CStrings(arguments)
        defer { argv.release() }
        let setting = CStrings(["\(variable)=\(value)"])
        defer { setting.release() }
        guard argv.isComplete, setting.isComplete else { throw SystemCallError("strdup", code: ENOMEM) }
        // The parent's entries are borrowed, not copied: the C library frees none of them while
        // the process runs (setenv and unsetenv on another thread race with this as with getenv).
        let prefix = Array("\(variable)=".utf8CString.dropLast())
        var envp = inheritedEnvironment(except: prefix)
        envp.append(setting.pointers[0])
        envp.append(nil)
        var pid: pid_t = 0
        try check("posix_spawn", posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp))
        return pid
    }

    /// Waits for `pid` to exit on a thread of its own, reaps it, and tells `handler` how it ended.
    static func reap(_ pid: pid_t, then handler: @escaping ExitHandler) {
        Thread.detachNewThread {
            ThreadName.set("wove.wait.\(pid)")
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else {
                    handler("exit status unknown (\(SystemCallError("waitpid").description))")
                    return
                }
            }
            handler(describe(status))
        }
    }

    /// "exit status N" or "killed by signal N", from a `waitpid` status.
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        return signal == 0 ? "exit status \((status >> 8) & 0xff)" : "killed by signal \(signal)"
    }

    private static func check(_ call: String, _ result: Int32) throws(SystemCallError) {
        guard result == 0 else { throw SystemCallError(call, code: result) }
    }

    /// The parent's `environ` entries, but those starting with `prefix`.
    private static func inheritedEnvironment(except prefix: [CChar]) -> [UnsafeMutablePointer<CChar>?] {
        var entries: [UnsafeMutablePointer<CChar>?] = []
        guard var cursor = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else {
            return entries
        }
        while let entry = cursor.pointee {
            if strncmp(entry, prefix, prefix.count) != 0 { entries.append(entry) }
            cursor += 1
        }
        return entries
    }

    #if !canImport(Darwin)
        /// Closes, in the child, every descriptor from 3 up: ours are close-on-exec, but the host's
        /// other descriptors may not be, and a worker holding one (a pipe's write end, a listening
        /// socket) would keep it open past the host's own close. `posix_spawn_file_actions_addclosefrom_np`
        /// (glibc 2.34 and later) does it in one action; older C libraries get one action per open
        /// descriptor.
        private static func closeInheritedDescriptors(
            _ actions: inout posix_spawn_file_actions_t
        ) throws(SystemCallError) {
            if let closeFrom = CloseFrom.function {
                try check("posix_spawn_file_actions_addclosefrom_np", closeFrom(&actions, 3))
                return
            }
            for descriptor in openDescriptors(above: STDERR_FILENO) {
                try check(
                    "posix_spawn_file_actions_addclose",
                    posix_spawn_file_actions_addclose(&actions, descriptor))
            }
        }

        /// This process's open descriptors greater than `lowest`, from `/proc/self/fd` (none
        /// where there is no such directory).
        static func openDescriptors(above lowest: Int32) -> [Int32] {
            guard let directory = opendir("/proc/self/fd") else { return [] }
            defer { closedir(directory) }
            let listing = dirfd(directory)
            var open: [Int32] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if let descriptor = Int32(name), descriptor > lowest, descriptor != listing {
                    open.append(descriptor)
                }
            }
            return open
        }

        /// `posix_spawn_file_actions_addclosefrom_np`, looked up at run time: Swift's C library
        /// module does not declare it.
        private enum CloseFrom {
            typealias Function =
                @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

            static let function: Function? = dlsym(
                UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
            ).map { unsafeBitCast($0, to: Function.self) }
        }
    #endif
}

/// C copies of strings, ending with `nil`, as `argv` takes them; freed with ``release()``.
private struct CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    /// Whether every copy was made.
    var isComplete: Bool { !pointers.dropLast().contains(nil) }

    func release() { for pointer in pointers { free(pointer) } }
}
