#if HTTP
    import AsyncHTTPClient
    import WoveRuntime

    /// The requests an HTTP executor has under way, so that a `shutdown` can cancel them and a
    /// stop can wait for them. Once ``cancelAll()`` has run, a request added later is cancelled
    /// at once.
    ///
    /// A request is leased (``reserve()``) before it is made, so that the code that sees it end
    /// can give the lease back (``Lease/end()``) even before the request has been added.
    final class RequestTable: Sendable {
        /// One request's place in the table.
        struct Lease: Sendable {
            fileprivate let table: RequestTable
            fileprivate let id: UInt64

            /// The request's answer has arrived: it no longer counts as under way for ``reserve()``.
            func answered() { table.answered(id) }

            /// The request has ended and its events have been delivered: it leaves the table. Called
            /// once.
            func end() { table.remove(id) }
        }

        /// A request under way: read by AsyncHTTPClient's delegate, or by a task of its own.
        enum Request: Sendable {
            case delegated(HTTPClient.Task<Void>)
            case task(Task<Void, Never>)

            func cancel() {
                switch self {
                case .delegated(let request): request.cancel()
                case .task(let task): task.cancel()
                }
            }

            func waitUntilEnded() async {
                switch self {
                case .delegated(let request): _ = try? await request.futureResult.get()
                case .task(let task): await task.value
                }
            }
        }

        private struct State: Sendable {
            var next: UInt64 = 0
            /// Requests leased and not yet answered.
            var unanswered: Set<UInt64> = []
            var running: [UInt64: Request] = [:]
            /// Requests that ended before ``add(_:as:)`` could list them.
            var ended: Set<UInt64> = []
            var closed = false
        }

        private let state = LockedValue(State())

        /// The lease of a request about to be made, and whether no other is waiting for its answer.
        func reserve() -> (lease: Lease, alone: Bool) {
            state.withLock { state in
                defer { state.next += 1 }
                let alone = state.unanswered.isEmpty
                state.unanswered.insert(state.next)
                return (Lease(table: self, id: state.next), alone)
            }
        }

        /// Keeps `request`, made under `lease`, until it ends.
        func add(_ request: Request, under lease: Lease) {
            let id = lease.id
            let closed = state.withLock { state in
                if state.ended.remove(id) == nil, !state.closed { state.running[id] = request }
                return state.closed
            }
            if closed { request.cancel() }
        }

        private func answered(_ id: UInt64) { _ = state.withLock { $0.unanswered.remove(id) } }

        /// Forgets the request numbered `id`, which has ended; called once per lease.
        private func remove(_ id: UInt64) {
            state.withLock { state in
                state.unanswered.remove(id)
                if state.running.removeValue(forKey: id) == nil { state.ended.insert(id) }
            }
        }

        /// Cancels every request under way, and every one added later: the executor sends nothing
        /// more once it has been told to shut down.
        func cancelAll() {
            let running = state.withLock { state in
                state.closed = true
                return Array(state.running.values)
            }
            for request in running { request.cancel() }
        }

        /// Returns once every request added so far has ended.
        func waitForAll() async {
            for request in state.withLock({ Array($0.running.values) }) { await request.waitUntilEnded() }
        }
    }
#endif
