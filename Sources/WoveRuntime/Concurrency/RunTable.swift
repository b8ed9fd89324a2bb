/// Running tasks by key, so they can be cancelled from any thread: a worker's runs by run id, a
/// weave's top-level tasks by node.
///
/// A key may be listed before its task starts (``expect(_:)``), so a cancellation that arrives
/// before the task does is kept and applied when it starts. After ``cancelAll()`` the table is
/// closed: a task that starts later is cancelled at once.
package final class RunTable<Key: Hashable & Sendable>: @unchecked Sendable {
    // Safe to share: `runs` and `closed` are read and written only with `mutex` held. A running
    // task is held as an `UnsafeCurrentTask` for exactly as long as its body runs (`run(_:_:)`
    // removes it, under the lock, before the body's task can end), so every reference in `runs`
    // is to a live task; `cancel()` may be called on one from any thread.
    private enum Entry {
        /// Listed, not started yet; `true` once cancelled.
        case starting(cancelled: Bool)
        case running(UnsafeCurrentTask)
    }

    private let mutex = PThreadMutex()
    private var runs: [Key: Entry] = [:]
    private var closed = false

    package init() {}

    /// Lists `key`, whose task is about to start.
    package func expect(_ key: Key) { mutex.withLock { runs[key] = .starting(cancelled: false) } }

    /// Runs `body` as the task for `key`, cancellable through the table while it runs.
    package func run(_ key: Key, _ body: () async -> Void) async {
        await withUnsafeCurrentTask { task in
            let cancelledEarly = mutex.withLock { () -> Bool in
                guard let task else { return false }
                if closed { return true }
                if case .starting(cancelled: true) = runs[key] { return true }
                runs[key] = .running(task)
                return false
            }
            if cancelledEarly { task?.cancel() }
            await body()
            mutex.withLock { _ = runs.removeValue(forKey: key) }
        }
    }

    /// Cancels the task for `key`, now or as soon as it starts; an unknown or finished key is
    /// ignored.
    package func cancel(_ key: Key) {
        mutex.withLock {
            switch runs[key] {
            case .starting?: runs[key] = .starting(cancelled: true)
            case .running(let task)?: task.cancel()
            case nil: break
            }
        }
    }

    /// Cancels every task listed or running, and every task that starts later.
    package func cancelAll() {
        mutex.withLock {
            closed = true
            for (key, entry) in runs {
                switch entry {
                case .starting: runs[key] = .starting(cancelled: true)
                case .running(let task): task.cancel()
                }
            }
        }
    }
}
