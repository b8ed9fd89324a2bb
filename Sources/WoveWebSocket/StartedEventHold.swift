#if WebSocket
    import WoveRuntime

    /// Holds back a run's `task_started` while the session starts the run on its own thread, so a
    /// run that ends without waiting sends `task_started` and its outcome in one message: one
    /// write and one wake of the client fewer per run.
    ///
    /// The run's next event takes the held `task_started` with it. A run that waits before its
    /// next event has its `task_started` queued when the session's start returns (``release()``):
    /// it reaches the client as soon as it would have had the run written it before waiting.
    /// Events are queued in the writer under this hold's lock, so they stay in order whoever
    /// sends them.
    final class StartedEventHold: Sendable {
        private struct State: Sendable {
            var held: WoveFrame?
            var released = false
        }

        private let writer: EventWriter
        private let state = LockedValue(State())

        init(writer: EventWriter) { self.writer = writer }

        /// Sends `event`, with a held `task_started` before it; holds a `task_started` sent while
        /// the run is being started.
        func emit(_ event: WoveFrame) async {
            let writes = state.withLock { state -> Bool in
                if !state.released, state.held == nil, case .taskStarted = event {
                    state.held = event
                    return false
                }
                defer { state.held = nil }
                return writer.enqueue(state.held.map { [$0, event] } ?? [event])
            }
            if writes { await writer.writeQueued() }
        }

        /// Ends the hold once the run has been started: a `task_started` still held is queued now.
        ///
        /// - Returns: whether the caller must have the writer write it (``EventWriter/writeQueued()``),
        ///   no write being under way; the session does that in a task, so that its reading never
        ///   waits for writes.
        func release() -> Bool {
            state.withLock { state -> Bool in
                state.released = true
                defer { state.held = nil }
                return state.held.map { writer.enqueue([$0]) } ?? false
            }
        }
    }
#endif
