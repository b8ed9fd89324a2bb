/// Running tasks by slot number, so all of them can be cancelled from any thread: a weave's
/// top-level tasks by the index of the node each began with.
///
/// ``RunTable`` does this by key, for ids that arrive from a peer; slots are array positions
/// fixed when the table is made, so running a task costs no hashing. After ``cancelAll()`` the
/// table is closed: a task that starts later is cancelled at once.
final class TaskSlots: @unchecked Sendable {
    // Safe to share: `running` and `closed` are read and written only with `mutex` held. A task
    // is held as an `UnsafeCurrentTask` for exactly as long as its body runs (`run(_:_:)` clears
    // its slot, under the lock, before the body's task can end), so every task in `running` is
    // alive; `cancel()` may be called on one from any thread.
    private let mutex = PThreadMutex()
    private var running: [UnsafeCurrentTask?]
    private var closed = false

    /// A table of `count` empty slots, numbered from 0.
    init(count: Int) { running = Array(repeating: nil, count: count) }

    /// Runs `body` in slot `slot`, cancellable by ``cancelAll()`` while it runs. One task at a
    /// time per slot.
    func run(_ slot: Int, _ body: () async -> Void) async {
        await withUnsafeCurrentTask { task in
            let cancelled = mutex.withLock { () -> Bool in
                if closed { return true }
                running[slot] = task
                return false
            }
            if cancelled { task?.cancel() }
            await body()
            mutex.withLock { running[slot] = nil }
        }
    }

    /// Cancels every running task, and every task that starts later.
    func cancelAll() {
        mutex.withLock {
            closed = true
            for task in running { task?.cancel() }
        }
    }
}
