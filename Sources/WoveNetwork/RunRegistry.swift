#if HTTP || WebSocket || GRPC || Backends
    package import WoveRuntime

    /// The runs a worker service has under way, so a `cancel_task` can reach its run, and a cap on
    /// how many there may be. A cancellation for a run not seen yet is remembered (a bounded
    /// number of them), so a `run_task` that arrives after its `cancel_task` is cancelled at once.
    package final class RunRegistry: Sendable {
        /// How many early cancellations are remembered.
        static let rememberedCancellations = 10_000

        private struct State: Sendable {
            var admitted: Set<String> = []
            var cancelledEarly: Set<String> = []
            var cancelledOrder: [String] = []
        }

        package let maximumConcurrentRuns: Int
        private let state = LockedValue(State())
        /// The admitted runs' tasks, for as long as each runs.
        private let tasks = RunTable<String>()

        package init(maximumConcurrentRuns: Int) { self.maximumConcurrentRuns = maximumConcurrentRuns }

        /// What `begin` decided.
        package enum Admission {
            /// Run it, with ``run(_:_:)``.
            case run
            /// Do not run it; answer with this event: `task_cancelled` when its `cancel_task` came
            /// first, a `config` `task_error` when a run with its id is under way already.
            case answered(WoveFrame)
            /// Too many runs are under way.
            case busy
        }

        /// Admits the run `runID` of `taskID`, unless it was cancelled already, its id is taken,
        /// or too many runs are under way.
        package func begin(_ runID: String, of taskID: String) -> Admission {
            state.withLock { state in
                if state.cancelledEarly.remove(runID) != nil {
                    return .answered(.taskCancelled(runID: runID, taskID: taskID))
                }
                guard !state.admitted.contains(runID) else {
                    let error = RemoteError(
                        kind: "DuplicateRun",
                        message: "A run with id '\(runID)' is under way in this worker service already.",
                        source: .config)
                    return .answered(.taskError(runID: runID, taskID: taskID, error: error))
                }
                guard state.admitted.count < maximumConcurrentRuns else { return .busy }
                state.admitted.insert(runID)
                tasks.expect(runID)
                return .run
            }
        }

        /// Runs `body` as the admitted run `runID`, in the calling task, which a `cancel_task` for
        /// it cancels; the run is over when `body` returns.
        package func run(_ runID: String, _ body: () async -> Void) async {
            await tasks.run(runID, body)
            _ = state.withLock { $0.admitted.remove(runID) }
        }

        /// Cancels `runID`, or remembers to cancel it when it arrives.
        package func cancel(_ runID: String) {
            let admitted = state.withLock { state in
                if state.admitted.contains(runID) { return true }
                if state.cancelledEarly.insert(runID).inserted {
                    state.cancelledOrder.append(runID)
                    if state.cancelledOrder.count > Self.rememberedCancellations {
                        state.cancelledEarly.remove(state.cancelledOrder.removeFirst())
                    }
                }
                return false
            }
            // Outside the lock: cancelling runs the task's cancellation handlers. A run that ended
            // meanwhile is not in the table any more, and the cancellation is ignored.
            if admitted { tasks.cancel(runID) }
        }

        /// Cancels every run under way, and every run admitted later.
        package func cancelAll() { tasks.cancelAll() }
    }
#endif
