#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts Wove's own threads (the blocking pool's, the stdio readers, writers and reapers): a
/// detached POSIX thread, named, running one closure.
///
/// Not Foundation's `Thread`: on Linux that lives in the full Foundation, which a static binary
/// carries with its ICU data (about 50 MB, and a millisecond and a half more to start every
/// process, every stdio worker among them), while the core needs only `FoundationEssentials`.
package enum DetachedThread {
    /// Runs `body` on a new detached thread named `name` (see ``ThreadName``), with a stack of
    /// `stackSize` bytes, or the system's default.
    ///
    /// If the system refuses the thread (it is out of threads or memory), `body` never runs and
    /// the reason goes to stderr, naming the thread.
    package static func start(name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        let start = Unmanaged.passRetained(Start(name: name, body: body))
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
        #if canImport(Darwin)
            var thread: pthread_t?
        #else
            var thread = pthread_t()
        #endif
        let result = pthread_create(&thread, &attributes, threadEntry, start.toOpaque())
        guard result != 0 else { return }
        start.release()
        let reason = SystemCallError("pthread_create", code: result)
        Descriptors.writeToStandardError("wove: could not start thread '\(name)': \(reason)\n")
    }

    /// What a new thread runs: its name and its closure.
    fileprivate final class Start: Sendable {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
}

/// A new thread's entry point: takes the ``DetachedThread`` start it was given, names the thread
/// and runs its closure.
#if canImport(Darwin)
    private func threadEntry(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        runThread(context)
    }
#else
    private func threadEntry(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let context else { return nil }
        return runThread(context)
    }
#endif

private func runThread(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    let start = Unmanaged<DetachedThread.Start>.fromOpaque(context).takeRetainedValue()
    ThreadName.set(start.name)
    start.body()
    return nil
}
