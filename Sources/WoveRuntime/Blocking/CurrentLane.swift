#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lane whose job the current pool thread is running, so a body that blocks waiting for
/// other Wove work can lend its slot (``BlockingPool/lendingSlot(while:)``).
enum CurrentLane {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The lane of the job running on this thread, if it is a pool thread running one.
    static var lane: BlockingLane? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<BlockingLane>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Runs `body` with `lane` recorded for this thread. The record holds no reference: the
    /// caller keeps `lane` alive for the whole call.
    static func run(_ lane: BlockingLane, _ body: () -> Void) {
        pthread_setspecific(key, Unmanaged.passUnretained(lane).toOpaque())
        defer { pthread_setspecific(key, nil) }
        withExtendedLifetime(lane) { body() }
    }
}
