#if HTTP || WebSocket || GRPC || Backends
    import WoveRuntime

    /// The runs a worker service has under way, so a `cancel_task` can reach its run, and a cap on
    /// how many there may be. A cancellation for a run not seen yet is remembered (a bounded
    /// number of them), so a `run_task` that arrives after its `cancel_task` is cancelled at once.
    package final class RunRegistry: Sendable {
        /// How many early cancellations are remembered.
        static let rememberedCancellations = 10_000

        private struct State: Sendable {
            var running: [String: RunCanceller] = [:]
            var cancelledEarly: Set<String> = []
            var cancelledOrder: [String] = []
        }

        package let maximumConcurrentRuns: Int
        private let state = LockedValue(State())

        package init(maximumConcurrentRuns: Int) { self.maximumConcurrentRuns = maximumConcurrentRuns }

        /// What `begin` decided.
        package enum Admission {
            /// Run it; the canceller is how a `cancel_task` reaches it.
            case run(RunCanceller)
            /// Its `cancel_task` came first.
            case alreadyCancelled
            /// Too many runs are under way.
            case busy
        }

        package func begin(_ runID: String) -> Admission {
            state.withLock { state in
                if state.cancelledEarly.remove(runID) != nil { return .alreadyCancelled }
                guard state.running.count < maximumConcurrentRuns else { return .busy }
                let canceller = RunCanceller()
                state.running[runID] = canceller
                return .run(canceller)
            }
        }

        package func end(_ runID: String) { _ = state.withLock { $0.running.removeValue(forKey: runID) } }

        /// Cancels `runID`, or remembers to cancel it when it arrives.
        package func cancel(_ runID: String) {
            let canceller = state.withLock { state -> RunCanceller? in
                if let canceller = state.running[runID] { return canceller }
                if state.cancelledEarly.insert(runID).inserted {
                    state.cancelledOrder.append(runID)
                    if state.cancelledOrder.count > Self.rememberedCancellations {
                        state.cancelledEarly.remove(state.cancelledOrder.removeFirst())
                    }
                }
                return nil
            }
            canceller?.cancel()
        }

        package func cancelAll() {
            for canceller in state.withLock({ Array($0.running.values) }) { canceller.cancel() }
        }
    }

    /// Cancels one run's work once it is attached, or at once if the cancellation came first.
    package final class RunCanceller: Sendable {
        private let state = LockedValue<(cancelled: Bool, work: Task<Void, Never>?)>((false, nil))

        /// Makes `work` the run's work: cancelled now if the run already is.
        package func attach(_ work: Task<Void, Never>) {
            let cancelled = state.withLock { state in
                state.work = work
                return state.cancelled
            }
            if cancelled { work.cancel() }
        }

        package func cancel() {
            let work = state.withLock { state in
                state.cancelled = true
                return state.work
            }
            work?.cancel()
        }
    }
#endif
