#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Names the current thread, as `ps -L`, `top -H`, debuggers and `/proc/<pid>/task/*/comm` show
/// it. Foundation's `Thread.name` does not reach the system on Linux, so Wove's own threads call
/// this first thing.
enum ThreadName {
    /// Sets the current thread's name to `name`, cut to the 15 bytes Linux keeps.
    static func set(_ name: String) {
        let cut = String(decoding: Array(name.utf8.prefix(15)), as: UTF8.self)
        #if canImport(Darwin)
            _ = pthread_setname_np(cut)
        #else
            // `pthread_setname_np` is a GNU extension Swift's Glibc module leaves out; the
            // kernel's per-thread file does the same.
            let file = open("/proc/thread-self/comm", O_WRONLY)
            guard file >= 0 else { return }
            try? Descriptors.write(Array(cut.utf8), to: file)
            Descriptors.close(file)
        #endif
    }
}
