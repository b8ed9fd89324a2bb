/// The runs a worker is serving, by run id, so `cancel_task` and `shutdown` can cancel them.
///
/// A run is listed as soon as its `run_task` frame is read, before its task starts, so a
/// `cancel_task` read right after it always finds it; a cancellation that arrives before the
/// task starts is kept and applied when it does.
package final class RunTable: @unchecked Sendable {
    // Safe to share: `runs` is read and written only with `mutex` held. A running task is held
    // as an `UnsafeCurrentTask` for exactly as long as its body runs (`run(_:_:)` removes it,
    // under the lock, before the body's task can end), so every reference in `runs` is to a
    // live task; `cancel()` may be called on one from any thread.
    private enum Entry {
        /// Read, not started yet; `true` once cancelled.
        case starting(cancelled: Bool)
        case running(UnsafeCurrentTask)
    }

    private let mutex = PThreadMutex()
    private var runs: [String: Entry] = [:]

    package init() {}

    /// Lists `runID`, whose task is about to start.
    package func expect(_ runID: String) { mutex.withLock { runs[runID] = .starting(cancelled: false) } }

    /// Runs `body` as run `runID`, cancellable through the table while it runs.
    package func run(_ runID: String, _ body: () async -> Void) async {
        await withUnsafeCurrentTask { task in
            let cancelledEarly = mutex.withLock { () -> Bool in
                guard let task else { return false }
                if case .starting(cancelled: true) = runs[runID] { return true }
                runs[runID] = .running(task)
                return false
            }
            if cancelledEarly { task?.cancel() }
            await body()
            mutex.withLock { _ = runs.removeValue(forKey: runID) }
        }
    }

    /// Cancels run `runID`, now or as soon as it starts; an unknown or finished run is ignored.
    package func cancel(_ runID: String) {
        mutex.withLock {
            switch runs[runID] {
            case .starting?: runs[runID] = .starting(cancelled: true)
            case .running(let task)?: task.cancel()
            case nil: break
            }
        }
    }

    /// Cancels every run listed.
    package func cancelAll() {
        mutex.withLock {
            for (runID, entry) in runs {
                switch entry {
                case .starting: runs[runID] = .starting(cancelled: true)
                case .running(let task): task.cancel()
                }
            }
        }
    }
}
