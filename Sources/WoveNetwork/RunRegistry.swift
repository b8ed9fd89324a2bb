#if HTTP || WebSocket || GRPC || Backends
    package import WoveRuntime

    /// The runs a worker service has under way, so a `cancel_task` can reach its run, and a cap on
    /// how many there may be. A cancellation for a run not seen yet is remembered (a bounded
    /// number of them), so a `run_task` that arrives after its `cancel_task` is cancelled at once.
    package final class RunRegistry: Sendable {
        package let maximumConcurrentRuns: Int
        /// The admitted runs, with their tasks while they run.
        private let runs = RunTable()

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
            switch runs.admit(runID, limit: maximumConcurrentRuns) {
            case .admitted: return .run
            case .full: return .busy
            case .cancelledEarly: return .answered(.taskCancelled(runID: runID, taskID: taskID))
            case .duplicate:
                let error = RemoteError(
                    kind: "DuplicateRun",
                    message: "A run with id '\(runID)' is under way in this worker service already.",
                    source: .config)
                return .answered(.taskError(runID: runID, taskID: taskID, error: error))
            }
        }

        /// Runs `body` as the admitted run `runID`, in the calling task, which a `cancel_task` for
        /// it cancels; the run is over when `body` returns.
        package func run(_ runID: String, _ body: () async -> Void) async { await runs.run(runID, body) }

        /// Cancels `runID`, or remembers to cancel it when it arrives (a bounded number of such).
        package func cancel(_ runID: String) { runs.cancel(runID, rememberingUnknown: true) }

        /// Cancels every run under way, and every run admitted later.
        package func cancelAll() { runs.cancelAll() }
    }
#endif
