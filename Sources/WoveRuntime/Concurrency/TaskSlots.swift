/// Running tasks by slot number, so all of them can be cancelled from any thread: a weave's
/// top-level tasks by the index of the node each began with.
///
/// ``RunTable`` does this by key, for ids that arrive from a peer; slots are array positions
/// fixed when the table is made, so running a task costs no hashing. After ``cancelAll()`` the
/// table is closed: a task that starts later is cancelled at once.
final class TaskSlots: @unchecked Sendable {
    // Safe to share: `running` and `closed` are read and written only with `mutex` held. A task
    // is held as an `UnsafeCurrentTask` from its `enter(_:)` to its `leave(_:)`, which it calls
    // before it can end (the one caller, the weave's scheduler, calls both in the task's body, with
    // no way out in between), so every task in `running` is alive; `cancel()` may be called on
    // one from any thread. The reference outlives the `withUnsafeCurrentTask` call that gave it,
    // which that function's documentation advises against because the task may end; here the
    // task cannot end before `leave(_:)` drops it.
    private let mutex = PThreadMutex()
    //
    // `running` is a buffer this object allocates and frees, not an array: an array of
    // `UnsafeCurrentTask?` looks its storage class up in the runtime's generic metadata cache each
    // time one is made, and a table is made for every weave.
    private let running: UnsafeMutableBufferPointer<UnsafeCurrentTask?>
    private var closed = false

    /// A table of `count` empty slots, numbered from 0.
    init(count: Int) {
        running = .allocate(capacity: count)
        running.initialize(repeating: nil)
    }

    deinit {
        assert(!running.contains { $0 != nil }, "a task left in its slot")
        running.deinitialize()
        running.deallocate()
    }

    /// Puts the calling task in slot `slot`, cancellable by ``cancelAll()`` until it calls
    /// ``leave(_:)``, which it must do before it ends; cancels it at once if the table is closed.
    /// One task at a time per slot.
    ///
    /// Synchronous, rather than running an `async` body: the task's async frames stay smaller,
    /// and a task whose frames fit its first allocation costs no more. Not inlined, so that the
    /// current task's handle, of a type not frozen in the standard library, stays out of the
    /// caller's async frame.
    @inline(never)
    func enter(_ slot: Int) {
        withUnsafeCurrentTask { task in
            let cancelled = mutex.withLock { () -> Bool in
                if closed { return true }
                assert(running[slot] == nil, "slot \(slot) entered twice")
                running[slot] = task
                return false
            }
            if cancelled { task?.cancel() }
        }
    }

    /// Takes the calling task out of slot `slot`.
    func leave(_ slot: Int) { mutex.withLock { running[slot] = nil } }

    /// Cancels every running task, and every task that starts later.
    func cancelAll() {
        mutex.withLock {
            closed = true
            for task in running { task?.cancel() }
        }
    }
}
