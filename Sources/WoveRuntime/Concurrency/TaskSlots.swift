/// Running tasks by slot number, so all of them can be cancelled from any thread: a weave's
/// top-level tasks by the index of the node each began with.
///
/// ``RunTable`` does this by key, for ids that arrive from a peer; slots are array positions
/// fixed when the table is made, so running a task costs no hashing. After ``cancelAll()`` the
/// table is closed: a task that starts later is cancelled at once.
///
/// The table guards itself with a lock its owner gives it (the weave's ``ScheduleBoard`` gives
/// its own, which it never holds while it calls in here), and keeps its slots in the same heap
/// object as its state: a weave makes one table, so each allocation and lock set up here is
/// paid on every weave. It never cancels a task with that lock held: cancelling runs the task's
/// cancellation handlers there and then, and they may reach the lock's owner.
struct TaskSlots: @unchecked Sendable {
    // Safe to share: `closed` and the slots are read and written only with `mutex` held. A task
    // is held as an `UnsafeCurrentTask` from its `enter(_:)` to its `leave(_:)`, which it calls
    // before it can end (the one caller, the weave's scheduler, calls both in the task's body, with
    // no way out in between), so every task in a slot is alive; `cancel()` may be called on one
    // from any thread. The reference outlives the `withUnsafeCurrentTask` call that gave it,
    // which that function's documentation advises against because the task may end; here the
    // task cannot end before `leave(_:)` drops it. (`ManagedBuffer` is never `Sendable`, hence
    // the unchecked conformance.)
    private let storage: Storage

    /// The lock, whether the table is closed, and how many slots follow.
    private struct Header {
        let mutex: PThreadMutex
        var closed = false
        let count: Int
    }

    /// The header, then one byte per slot saying whether it holds a task, then (aligned) one
    /// task handle per slot, initialized only while its byte is set: one heap object, whose slots
    /// stay put for its lifetime.
    ///
    /// Not a buffer of `UnsafeCurrentTask?`: the handle's type is not frozen in the standard
    /// library, so every optional of it is made, tested and destroyed through the runtime's
    /// value witnesses, and a table of optionals made and destroyed each of its slots that way
    /// on every weave.
    private final class Storage: ManagedBuffer<Header, UInt8> {
        deinit {
            withUnsafeMutablePointers { header, occupied in
                let count = header.pointee.count
                let tasks = TaskSlots.tasks(after: occupied, count: count)
                for slot in 0..<count where occupied[slot] != 0 {
                    assertionFailure("a task left in slot \(slot)")
                    (tasks + slot).deinitialize(count: 1)
                }
            }
        }
    }

    /// A table of `count` empty slots, numbered from 0, guarded by `mutex`.
    init(count: Int, guardedBy mutex: PThreadMutex) {
        let layout = MemoryLayout<UnsafeCurrentTask>.self
        let bytes = count + layout.alignment + count * layout.stride
        let storage = Storage.create(minimumCapacity: bytes) { _ in Header(mutex: mutex, count: count) }
        self.storage = unsafeDowncast(storage, to: Storage.self)
        self.storage.withUnsafeMutablePointerToElements { occupied in
            occupied.initialize(repeating: 0, count: count)
            _ = Self.handles(after: occupied, count: count).bindMemory(
                to: UnsafeCurrentTask.self, capacity: count)
        }
    }

    /// Where the task handles of a table of `count` slots start, after its `occupied` bytes.
    private static func tasks(
        after occupied: UnsafeMutablePointer<UInt8>, count: Int
    ) -> UnsafeMutablePointer<UnsafeCurrentTask> {
        handles(after: occupied, count: count).assumingMemoryBound(to: UnsafeCurrentTask.self)
    }

    /// The raw memory of the task handles, aligned for them, after the `count` occupancy bytes.
    private static func handles(after occupied: UnsafeMutablePointer<UInt8>, count: Int)
        -> UnsafeMutableRawPointer
    {
        UnsafeMutableRawPointer(occupied + count).alignedUp(for: UnsafeCurrentTask.self)
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
            guard let task else { return }
            let cancelled = withLocked { header, occupied, tasks -> Bool in
                assert(slot >= 0 && slot < header.pointee.count, "slot \(slot) is out of range")
                if header.pointee.closed { return true }
                assert(occupied[slot] == 0, "slot \(slot) entered twice")
                (tasks + slot).initialize(to: task)
                occupied[slot] = 1
                return false
            }
            if cancelled { task.cancel() }
        }
    }

    /// Takes the calling task out of slot `slot`.
    func leave(_ slot: Int) {
        withLocked { header, occupied, tasks in
            assert(slot >= 0 && slot < header.pointee.count, "slot \(slot) is out of range")
            guard occupied[slot] != 0 else { return }
            (tasks + slot).deinitialize(count: 1)
            occupied[slot] = 0
        }
    }

    /// Cancels every running task, and every task that starts later.
    ///
    /// The tasks are cancelled once the lock is released: cancelling runs a task's cancellation
    /// handlers there and then, and those may reach the lock's owner (a `merge` nested in a task
    /// cancels the blocking lane it shares with its weave, and the jobs it drops finish on the
    /// weave's board). Each copy of a handle keeps its task alive, so one that left its slot and
    /// ended meanwhile is cancelled harmlessly.
    func cancelAll() {
        let running = withLocked { header, occupied, tasks -> [UnsafeCurrentTask] in
            header.pointee.closed = true
            return (0..<header.pointee.count).filter { occupied[$0] != 0 }.map { tasks[$0] }
        }
        for task in running { task.cancel() }
    }

    /// Runs `body` on the header, the occupancy bytes and the task handles with the lock held.
    private func withLocked<R>(
        _ body: (
            UnsafeMutablePointer<Header>, UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<UnsafeCurrentTask>
        )
            -> R
    ) -> R {
        storage.withUnsafeMutablePointers { header, occupied in
            header.pointee.mutex.withLock {
                body(header, occupied, Self.tasks(after: occupied, count: header.pointee.count))
            }
        }
    }
}
