import Foundation
import WoveRuntime

/// A meeting point for `parties` bodies: each arrives and waits until all have arrived.
///
/// All parties can only meet if they run at the same time, so a successful meeting proves
/// concurrency without any timing bound. A party that waits longer than `patience` gives up and
/// reports `false`, so a serialised schedule fails the test instead of hanging it.
final class Rendezvous: Sendable {
    private struct State {
        var arrived = 0
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    }

    private let parties: Int
    private let patience: Duration
    private let state = LockedValue(State())
    // NSCondition wraps a pthread mutex and condition variable, which ThreadSanitizer understands.
    private let blockingArrivals = NSCondition()
    private nonisolated(unsafe) var blockingArrived = 0  // guarded by blockingArrivals

    init(parties: Int, patience: Duration = .seconds(10)) {
        self.parties = parties
        self.patience = patience
    }

    /// Arrives and suspends until every party has arrived; `false` if patience ran out.
    func meet() async -> Bool {
        await withCheckedContinuation { continuation in
            let (everyone, waiter) = state.withLock { state -> ([CheckedContinuation<Bool, Never>], Int?) in
                state.arrived += 1
                guard state.arrived >= parties else {
                    state.nextWaiter += 1
                    state.waiters[state.nextWaiter] = continuation
                    return ([], state.nextWaiter)
                }
                defer { state.waiters = [:] }
                return (Array(state.waiters.values) + [continuation], nil)
            }
            for party in everyone { party.resume(returning: true) }
            if let waiter { giveUp(waiter, after: patience) }
        }
    }

    /// Arrives and blocks this (non-cooperative) thread until every party has arrived.
    func meetBlocking() -> Bool {
        let deadline = Date(timeIntervalSinceNow: Double(patience.components.seconds))
        blockingArrivals.lock()
        defer { blockingArrivals.unlock() }
        blockingArrived += 1
        blockingArrivals.broadcast()
        while blockingArrived < parties {
            guard blockingArrivals.wait(until: deadline) else { return false }
        }
        return true
    }

    private func giveUp(_ waiter: Int, after patience: Duration) {
        Task {
            try? await Task.sleep(for: patience)
            state.withLock { $0.waiters.removeValue(forKey: waiter) }?.resume(returning: false)
        }
    }
}
