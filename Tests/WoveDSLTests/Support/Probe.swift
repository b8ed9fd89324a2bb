import Foundation
import WoveRuntime

/// Records what task bodies did, from any thread, for tests to assert on afterwards.
final class Probe: Sendable {
    private let log = LockedValue<[String]>([])
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let marks = LockedValue<[String: Duration]>([:])

    init() { start = ContinuousClock().now }

    /// Appends `event` to the log and remembers when it happened.
    func record(_ event: String) {
        let now = clock.now - start
        log.withLock { $0.append(event) }
        marks.withLock { $0[event] = now }
    }

    var events: [String] { log.withLock { $0 } }

    /// When `event` was recorded, relative to the probe's creation.
    func time(of event: String) -> Duration? { marks.withLock { $0[event] } }

    func count(of event: String) -> Int { events.count { $0 == event } }

    /// Blocks this (non-cooperative) thread until `event` is recorded; `false` after `patience`.
    func awaitBlocking(_ event: String, patience: Duration = .seconds(10)) -> Bool {
        let deadline = clock.now + patience
        while count(of: event) == 0 {
            guard clock.now < deadline else { return false }
            usleep(1_000)
        }
        return true
    }
}

/// A test-only error with a payload, to check that weave rethrows the original error.
struct Boom: Error, Equatable {
    let code: Int
}

/// Measures how long `operation` takes.
func elapsed<T>(_ operation: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await operation()
    return (value, clock.now - start)
}
