/// Tasks started one by one and kept until they end, so that they can all be cancelled and
/// awaited: a connection's requests or runs, say. Each starts on the calling thread
/// (``startImmediately(_:)``), runs until its first suspension there, and leaves the table when
/// it ends.
package final class TaskTable: Sendable {
    private struct State: Sendable {
        var next: UInt64 = 0
        var running: [UInt64: Task<Void, Never>] = [:]
        /// Tasks that ended before ``start(_:)`` could add them to `running`.
        var ended: Set<UInt64> = []
    }

    private let state = LockedValue(State())

    package init() {}

    /// Starts `operation` in a task of its own, kept in the table until it ends.
    package func start(_ operation: @escaping @Sendable () async -> Void) {
        let id = state.withLock { state in
            defer { state.next += 1 }
            return state.next
        }
        let task = startImmediately { [state] in
            await operation()
            state.withLock { state in
                if state.running.removeValue(forKey: id) == nil { state.ended.insert(id) }
            }
        }
        state.withLock { state in
            if state.ended.remove(id) == nil { state.running[id] = task }
        }
    }

    /// Cancels every task still running.
    package func cancelAll() {
        for task in state.withLock({ Array($0.running.values) }) { task.cancel() }
    }

    /// Returns once every task started so far has ended.
    package func waitForAll() async {
        for task in state.withLock({ Array($0.running.values) }) { await task.value }
    }
}
