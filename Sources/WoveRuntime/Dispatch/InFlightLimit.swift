/// A counting semaphore for async callers, `delivery.maxInFlight` for one environment: at most
/// `limit` holders at once, waiters served first come first served. A cancelled waiter stops
/// waiting with `CancellationError` and takes no slot.
final class InFlightLimit: Sendable {
    /// One caller's place: waiting, served, or cancelled before it was served. Each `acquire`
    /// has its own, so a cancellation after the slot was granted leaves nothing behind.
    private final class Ticket: Sendable {
        enum Phase {
            case fresh
            case waiting(UnsafeContinuation<Void, any Error>)
            case granted
            case cancelled
        }

        let phase = LockedValue(Phase.fresh)
    }

    private struct State {
        var available: Int
        var waiters: [Ticket] = []
    }

    private let state: LockedValue<State>

    init(limit: Int) { state = LockedValue(State(available: limit)) }

    /// Waits for a slot; pair every successful call with ``release()``.
    func acquire() async throws {
        let ticket = Ticket()
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                let granted = state.withLock { state -> Bool? in
                    ticket.phase.withLock { phase -> Bool? in
                        if case .cancelled = phase { return false }
                        if state.available > 0 {
                            state.available -= 1
                            phase = .granted
                            return true
                        }
                        phase = .waiting(continuation)
                        state.waiters.append(ticket)
                        return nil
                    }
                }
                switch granted {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let waiting = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
                ticket.phase.withLock { phase in
                    switch phase {
                    case .fresh:
                        phase = .cancelled
                        return nil
                    case .waiting(let continuation):
                        phase = .cancelled
                        state.waiters.removeAll { $0 === ticket }
                        return continuation
                    case .granted, .cancelled:
                        return nil
                    }
                }
            }
            waiting?.resume(throwing: CancellationError())
        }
    }

    /// Frees a slot, handing it to the longest waiter if there is one.
    func release() {
        let next = state.withLock { state -> UnsafeContinuation<Void, any Error>? in
            while !state.waiters.isEmpty {
                let ticket = state.waiters.removeFirst()
                let continuation = ticket.phase.withLock { phase -> UnsafeContinuation<Void, any Error>? in
                    guard case .waiting(let continuation) = phase else { return nil }
                    phase = .granted
                    return continuation
                }
                if let continuation { return continuation }
            }
            state.available += 1
            return nil
        }
        next?.resume()
    }
}
