#if WebSocket
    import WoveRuntime

    /// The `send` calls of a WebSocket connection waiting for their message to be written, so
    /// that each is answered exactly once: by the writer, or by the connection's end.
    final class PendingSends: Sendable {
        private struct State: Sendable {
            var next: UInt64 = 0
            var waiting: [UInt64: CheckedContinuation<Void, any Error>] = [:]
            var failure: (any Error)?
        }

        private let state = LockedValue(State())

        /// Registers `waiter`; `nil` (and `waiter` resumed with the failure) once the connection ended.
        func register(_ waiter: CheckedContinuation<Void, any Error>) -> UInt64? {
            let registered = state.withLock { state -> Result<UInt64, any Error> in
                if let failure = state.failure { return .failure(failure) }
                defer { state.next += 1 }
                state.waiting[state.next] = waiter
                return .success(state.next)
            }
            switch registered {
            case .success(let id): return id
            case .failure(let error):
                waiter.resume(throwing: error)
                return nil
            }
        }

        /// Answers the send `id`, unless the connection's end already did.
        func complete(_ id: UInt64, with result: Result<Void, any Error>) {
            state.withLock { $0.waiting.removeValue(forKey: id) }?.resume(with: result)
        }

        /// Fails every waiting send, and every later one, with `error`.
        func failAll(_ error: any Error) {
            let waiting = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
                state.failure = state.failure ?? error
                defer { state.waiting.removeAll() }
                return Array(state.waiting.values)
            }
            for waiter in waiting { waiter.resume(throwing: error) }
        }
    }
#endif
