#if HTTP
    import WoveRuntime

    /// The runs a worker service has under way, so a `cancel_task` can reach its run, and a cap on
    /// how many there may be. A cancellation for a run not seen yet is remembered (a bounded
    /// number of them), so a `run_task` that arrives after its `cancel_task` is cancelled at once.
    final class RunRegistry: Sendable {
        /// How many early cancellations are remembered.
        static let rememberedCancellations = 10_000

        private struct State: Sendable {
            var running: [String: OneShotResult<Void>] = [:]
            var cancelledEarly: Set<String> = []
            var cancelledOrder: [String] = []
        }

        let maximumConcurrentRuns: Int
        private let state = LockedValue(State())

        init(maximumConcurrentRuns: Int) { self.maximumConcurrentRuns = maximumConcurrentRuns }

        /// What `begin` decided.
        enum Admission {
            /// Run it; settle the signal to cancel it.
            case run(OneShotResult<Void>)
            /// Its `cancel_task` came first.
            case alreadyCancelled
            /// Too many runs are under way.
            case busy
        }

        func begin(_ runID: String) -> Admission {
            state.withLock { state in
                if state.cancelledEarly.remove(runID) != nil { return .alreadyCancelled }
                guard state.running.count < maximumConcurrentRuns else { return .busy }
                let signal = OneShotResult<Void>()
                state.running[runID] = signal
                return .run(signal)
            }
        }

        func end(_ runID: String) { _ = state.withLock { $0.running.removeValue(forKey: runID) } }

        /// Cancels `runID`, or remembers to cancel it when it arrives.
        func cancel(_ runID: String) {
            let signal = state.withLock { state -> OneShotResult<Void>? in
                if let signal = state.running[runID] { return signal }
                if state.cancelledEarly.insert(runID).inserted {
                    state.cancelledOrder.append(runID)
                    if state.cancelledOrder.count > Self.rememberedCancellations {
                        state.cancelledEarly.remove(state.cancelledOrder.removeFirst())
                    }
                }
                return nil
            }
            signal?.resolve(.success(()))
        }

        func cancelAll() {
            for signal in state.withLock({ Array($0.running.values) }) { signal.resolve(.success(())) }
        }
    }
#endif
