import WoveRuntime

/// Counts calls from any thread; `next()` returns the 1-based number of this call.
final class AttemptCounter: Sendable {
    private let calls = LockedValue(0)

    func next() -> Int {
        calls.withLock {
            $0 += 1; return $0
        }
    }

    var count: Int { calls.withLock { $0 } }
}
