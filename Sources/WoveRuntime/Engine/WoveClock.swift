/// A clock erased to offsets from when the weave started, so any `Clock<Duration>` can drive
/// pacing, backoff and timeouts, including a test clock that never really sleeps.
package struct WoveClock: Sendable {
    private let elapsed: @Sendable () -> Duration
    private let sleeper: @Sendable (Duration) async throws -> Void

    package init<C: Clock<Duration>>(_ clock: C) {
        let start = clock.now
        self.elapsed = { start.duration(to: clock.now) }
        self.sleeper = { offset in try await clock.sleep(until: start.advanced(by: offset), tolerance: nil) }
    }

    /// Time since the clock was wrapped.
    package var now: Duration { elapsed() }

    /// Sleeps until `offset` after the clock was wrapped; throws `CancellationError` if cancelled.
    package func sleep(until offset: Duration) async throws { try await sleeper(offset) }

    /// Sleeps for `duration` from now.
    package func sleep(for duration: Duration) async throws {
        try await sleeper(elapsed() + duration)
    }
}
