#if HTTP
    import AsyncHTTPClient
    import WoveRuntime

    /// The requests an HTTP executor has under way, so that a `shutdown` can cancel them and a
    /// stop can wait for them. Once ``cancelAll()`` has run, a request added later is cancelled
    /// at once.
    ///
    /// A request is numbered (``reserve()``) before it is made, so that the code that sees it end
    /// can remove it (``remove(_:)``) even before it has been added.
    final class RequestTable: Sendable {
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
            /// Requests reserved and not yet removed.
            var underWay = 0
            var running: [UInt64: Request] = [:]
            /// Requests that ended before ``add(_:as:)`` could list them.
            var ended: Set<UInt64> = []
            var closed = false
        }

        private let state = LockedValue(State())

        /// The number of a request about to be made, and whether no other is under way.
        func reserve() -> (id: UInt64, alone: Bool) {
            state.withLock { state in
                defer {
                    state.next += 1
                    state.underWay += 1
                }
                return (state.next, state.underWay == 0)
            }
        }

        /// Keeps `request`, numbered `id`, until it ends.
        func add(_ request: Request, as id: UInt64) {
            let closed = state.withLock { state in
                if state.ended.remove(id) == nil, !state.closed { state.running[id] = request }
                return state.closed
            }
            if closed { request.cancel() }
        }

        /// Forgets the request numbered `id`, which has ended (or was never made).
        func remove(_ id: UInt64) {
            state.withLock { state in
                state.underWay -= 1
                if state.running.removeValue(forKey: id) == nil { state.ended.insert(id) }
            }
        }

        /// Cancels every request under way, and every one added later.
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
