#if WebSocket
    import WoveRuntime

    /// Lets one task at a time write to a connection, in the order they asked. A task that finds
    /// the connection free writes at once, on its own thread; the others wait their turn, so the
    /// fragments of two messages never interleave.
    final class WriteTurns: Sendable {
        private struct State: Sendable {
            var busy = false
            var waiting: [CheckedContinuation<Void, Never>] = []
            var head = 0
        }

        private let state = LockedValue(State())

        /// Returns once it is the caller's turn; the caller must ``end()`` it.
        func begin() async {
            if state.withLock({ state in
                guard !state.busy else { return false }
                state.busy = true
                return true
            }) {
                return
            }
            await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    guard state.busy else {
                        state.busy = true
                        return true
                    }
                    state.waiting.append(turn)
                    return false
                }
                if now { turn.resume() }
            }
        }

        /// Ends the caller's turn, handing it to the next in line.
        func end() {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard state.head < state.waiting.count else {
                    state.busy = false
                    state.waiting.removeAll(keepingCapacity: true)
                    state.head = 0
                    return nil
                }
                defer { state.head += 1 }
                return state.waiting[state.head]
            }
            next?.resume()
        }
    }
#endif
