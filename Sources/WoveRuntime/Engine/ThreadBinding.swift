/// Binds a ``WeaveRun`` to the current thread while a synchronous body runs on it, the
/// blocking-pool counterpart of a task-local.
enum ThreadBinding {
    private static let slot = ThreadLocalReference<WeaveRun>()

    /// The run bound to this thread, if any.
    static var current: WeaveRun? { slot.current }

    /// Runs `body` with `run` bound; the previous binding is restored afterwards.
    static func with<T>(_ run: WeaveRun, _ body: () throws -> T) rethrows -> T { try slot.with(run, body) }
}
