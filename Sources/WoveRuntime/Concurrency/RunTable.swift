/// Running tasks by run id, so they can be cancelled from any thread: a worker's runs.
///
/// Keyed by `String`, not generic: a generic table used from another module runs unspecialized,
/// and this one is on every remote run's path.
///
/// A key may be listed before its task starts (``expect(_:)`` or ``admit(_:limit:)``), so a
/// cancellation that arrives before the task does is kept and applied when it starts. After
/// ``cancelAll()`` the table is closed: a task that starts later is cancelled at once.
package final class RunTable: @unchecked Sendable {
    // Safe to share: every `var` below is read and written only with `mutex` held. A running
    // task is held as an `UnsafeCurrentTask` for exactly as long as its body runs (`run(_:_:)`
    // removes it, under the lock, before the body's task can end), so every reference in `runs`
    // is to a live task; `cancel()` may be called on one from any thread.
    private enum Entry {
        /// Listed, not started yet; `true` once cancelled.
        case starting(cancelled: Bool)
        case running(UnsafeCurrentTask)
    }

    /// What ``admit(_:limit:)`` decided.
    package enum Admission: Sendable {
        /// Listed: run it with ``run(_:_:)``.
        case admitted
        /// Not listed: its cancellation came first (``cancel(_:rememberingUnknown:)``).
        case cancelledEarly
        /// Not listed: a task with this key is listed already.
        case duplicate
        /// Not listed: `limit` tasks are listed already.
        case full
    }

    /// How many cancellations of keys not listed yet are remembered.
    static var rememberedCancellations: Int { 10_000 }

    private let mutex = PThreadMutex()
    private var runs: [String: Entry] = [:]
    private var closed = false
    /// Keys cancelled before they were listed, oldest first in `cancelledOrder`.
    private var cancelledEarly: Set<String> = []
    private var cancelledOrder: [String] = []

    package init() {}

    /// Lists `key`, whose task is about to start.
    package func expect(_ key: String) { mutex.withLock { runs[key] = .starting(cancelled: false) } }

    /// Lists `key`, whose task is about to start, unless it was cancelled already, is listed
    /// already, or `limit` keys are.
    package func admit(_ key: String, limit: Int) -> Admission {
        mutex.withLock {
            if !cancelledEarly.isEmpty, cancelledEarly.remove(key) != nil {
                cancelledOrder.removeAll { $0 == key }
                return .cancelledEarly
            }
            guard runs.index(forKey: key) == nil else { return .duplicate }
            guard runs.count < limit else { return .full }
            runs[key] = .starting(cancelled: false)
            return .admitted
        }
    }

    /// Runs `body` as the task for `key`, cancellable through the table while it runs.
    package func run(_ key: String, _ body: () async -> Void) async {
        await withUnsafeCurrentTask { task in
            let cancelledEarly = mutex.withLock { () -> Bool in
                guard let task else { return false }
                if closed { return true }
                if let index = runs.index(forKey: key) {
                    if case .starting(cancelled: true) = runs.values[index] { return true }
                    runs.values[index] = .running(task)
                } else {
                    runs[key] = .running(task)
                }
                return false
            }
            if cancelledEarly { task?.cancel() }
            await body()
            mutex.withLock { _ = runs.removeValue(forKey: key) }
        }
    }

    /// Cancels the task for `key`, now or as soon as it starts. A key neither listed nor running
    /// is ignored, or, when `rememberingUnknown`, kept (a bounded number of them) so that its
    /// ``admit(_:limit:)`` answers ``Admission/cancelledEarly``.
    package func cancel(_ key: String, rememberingUnknown: Bool = false) {
        mutex.withLock {
            switch runs[key] {
            case .starting?: runs[key] = .starting(cancelled: true)
            case .running(let task)?: task.cancel()
            case nil:
                guard rememberingUnknown, cancelledEarly.insert(key).inserted else { return }
                cancelledOrder.append(key)
                if cancelledOrder.count > Self.rememberedCancellations {
                    cancelledEarly.remove(cancelledOrder.removeFirst())
                }
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
