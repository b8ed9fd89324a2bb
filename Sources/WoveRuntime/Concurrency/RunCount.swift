/// How many runs no task group tracks are still going, so that whoever serves them can wait for
/// the last: a worker's runs carried by blocking threads (see
/// ``WorkerRegistry/startDirect(_:lane:outstanding:emit:)``).
package final class RunCount: Sendable {
    private struct State {
        var count = 0
        var waiters: [UnsafeContinuation<Void, Never>] = []
    }

    private let state = LockedValue(State())

    package init() {}

    /// Counts a run that starts.
    package func enter() { state.withLock { $0.count += 1 } }

    /// Counts a run that ended; the last one resumes every ``waitUntilNone()``.
    package func leave() {
        let waiters = state.withLock { state -> [UnsafeContinuation<Void, Never>] in
            state.count -= 1
            guard state.count == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once no counted run is going: at once if none is. A run counted after this returns
    /// is not waited for, so call it once no more runs can start.
    package func waitUntilNone() async {
        await withUnsafeContinuation { (waiter: UnsafeContinuation<Void, Never>) in
            let none = state.withLock { state -> Bool in
                if state.count == 0 { return true }
                state.waiters.append(waiter)
                return false
            }
            if none { waiter.resume() }
        }
    }
}
