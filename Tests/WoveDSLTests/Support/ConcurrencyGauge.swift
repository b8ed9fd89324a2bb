import WoveRuntime

/// Counts how many bodies run at once, and the most that ever did.
final class ConcurrencyGauge: Sendable {
    private let state = LockedValue((current: 0, maximum: 0))

    func enter() {
        state.withLock { state in
            state.current += 1
            state.maximum = max(state.maximum, state.current)
        }
    }

    func leave() { state.withLock { $0.current -= 1 } }

    var maximum: Int { state.withLock { $0.maximum } }
}
