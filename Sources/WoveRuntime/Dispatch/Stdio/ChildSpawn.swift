#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a worker child process with `posix_spawn` (``ChildReaper`` reaps it).
///
/// Foundation's `Process` kept the starting thread about 0.7 ms per start, 0.4 ms of it on the
/// CPU (its run-loop bookkeeping, the environment turned into a dictionary and back, a close
/// action for every descriptor up to the highest open one); this takes about 0.14 ms, 0.05 ms on
/// the CPU (`/bin/true` started 100 times each way). The child gets what
/// `Process` gave it: the three standard descriptors, no other descriptor of the parent, a
/// process group of its own (a terminal's Ctrl-C reaches the host, which stops its workers), and
/// the parent's environment; and every signal at its default disposition, with none blocked.
enum ChildSpawn {
    /// Starts `executable` with `arguments` (the first is the child's `argv[0]`), the parent's
    /// environment with `environment`'s variables set, and `input`, `output` and `errors` as its
    /// standard descriptors. Returns the child's process id.
    static func spawn(
        executable: String,
        arguments: [String],
        setting environment: [String: String],
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
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            try closeInheritedDescriptors(&actions)
        #endif
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        try check("posix_spawnattr_setsigmask", posix_spawnattr_setsigmask(&attributes, &noSignals))
        // Every signal the host ignores or handles starts at its default in the child: a host
        // that ignores SIGTERM (a backend job does) must not pass that on to workers it stops.
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        sigdelset(&everySignal, SIGKILL)
        sigdelset(&everySignal, SIGSTOP)
        try check("posix_spawnattr_setsigdefault", posix_spawnattr_setsigdefault(&attributes, &everySignal))
        try check("posix_spawnattr_setpgroup", posix_spawnattr_setpgroup(&attributes, 0))
        try check("posix_spawnattr_setflags", posix_spawnattr_setflags(&attributes, Int16(flags)))

        let argv = CStrings(arguments)
        defer { argv.release() }
        let envp = CStrings.environment(setting: environment)
        defer { envp.release() }
        guard argv.isComplete, envp.isComplete else { throw SystemCallError("strdup", code: ENOMEM) }
        var pid: pid_t = 0
        try check(
            "posix_spawn", posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers))
        return pid
    }

    private static func check(_ call: String, _ result: Int32) throws(SystemCallError) {
        guard result == 0 else { throw SystemCallError(call, code: result) }
    }

    #if !canImport(Darwin)
        /// Closes, in a child, every descriptor from 3 up: ours are close-on-exec, but the host's
        /// other descriptors may not be, and a worker holding one (a pipe's write end, a listening
        /// socket) would keep it open past the host's own close. `posix_spawn_file_actions_addclosefrom_np`
        /// (glibc 2.34 and later) does it in one action; older C libraries get one action per open
        /// descriptor.
        static func closeInheritedDescriptors(
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

/// C copies of strings, ending with `nil`, as `argv` and `envp` take them; freed with
/// ``release()``.
struct CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    /// This process's environment with `variables` set, each replacing an entry of its name.
    static func environment(setting variables: [String: String]) -> CStrings {
        CStrings(ProcessEnvironment.entries(excluding: variables.keys) + variables.map { "\($0)=\($1)" })
    }

    /// Whether every copy was made.
    var isComplete: Bool { !pointers.dropLast().contains(nil) }

    func release() { for pointer in pointers { free(pointer) } }
}
