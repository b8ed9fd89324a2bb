import WoveRuntime

/// A clock that moves only when the test calls ``advance(to:)``; sleepers wake in deadline order.
final class ManualClock: Clock, Sendable {
    typealias Instant = VirtualClock.Instant

    private struct Sleeper {
        let id: Int
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Duration.zero
        var sleepers: [Sleeper] = []
        var nextID = 0
        var cancelledBeforeSleeping: Set<Int> = []
    }

    private let state = LockedValue(State())

    var now: Instant { Instant(offset: state.withLock { $0.now }) }
    var minimumResolution: Duration { .zero }

    /// How many callers are sleeping now.
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<Void, any Error>) in
                enum Decision { case wake, cancel, sleep }
                let decision = state.withLock { state -> Decision in
                    if state.cancelledBeforeSleeping.remove(id) != nil { return .cancel }
                    if deadline.offset <= state.now { return .wake }
                    state.sleepers.append(
                        Sleeper(id: id, deadline: deadline.offset, continuation: continuation))
                    return .sleep
                }
                switch decision {
                case .wake: continuation.resume()
                case .cancel: continuation.resume(throwing: CancellationError())
                case .sleep: break
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelledBeforeSleeping.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to `offset` and wakes every sleeper whose deadline has come.
    func advance(to offset: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = max(state.now, offset)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (in real time, politely) until `count` callers sleep.
    func waitForSleepers(_ count: Int) async throws {
        while sleeperCount < count { try await Task.sleep(for: .milliseconds(1)) }
    }
}
