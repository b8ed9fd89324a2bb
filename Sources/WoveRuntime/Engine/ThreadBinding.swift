#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Binds a ``WeaveRun`` to the current thread while a synchronous body runs on it, the
/// blocking-pool counterpart of a task-local.
enum ThreadBinding {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The run bound to this thread, if any.
    static var current: WeaveRun? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<WeaveRun>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Runs `body` with `run` bound; the previous binding is restored afterwards.
    /// The binding holds no reference: `run` is kept alive by the caller for the whole call.
    static func with<T>(_ run: WeaveRun, _ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(run).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try withExtendedLifetime(run) { try body() }
    }
}
