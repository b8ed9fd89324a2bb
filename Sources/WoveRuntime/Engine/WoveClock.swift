/// A clock erased to offsets from when it was wrapped, so any `Clock<Duration>` can drive
/// pacing, backoff and timeouts, including a test clock that never really sleeps. Weaves that set
/// no clock share one, wrapped when their configuration snapshot was made
/// (``ConfigurationSnapshot``): every use takes differences or sleeps for a duration.
package struct WoveClock: Sendable {
    /// The clock and when it was wrapped: a struct in an existential, which holds the
    /// `ContinuousClock` of every weave with no clock set without allocating.
    private let source: any Source

    package init<C: Clock<Duration>>(_ clock: C) { source = Started(clock: clock, start: clock.now) }

    /// Time since the clock was wrapped.
    package var now: Duration { source.elapsed }

    /// Sleeps until `offset` after the clock was wrapped; throws `CancellationError` if cancelled.
    package func sleep(until offset: Duration) async throws { try await source.sleep(until: offset) }

    /// Sleeps for `duration` from now.
    package func sleep(for duration: Duration) async throws {
        try await source.sleep(until: source.elapsed + duration)
    }

    private protocol Source: Sendable {
        var elapsed: Duration { get }
        func sleep(until offset: Duration) async throws
    }

    private struct Started<C: Clock<Duration>>: Source {
        let clock: C
        let start: C.Instant

        var elapsed: Duration { start.duration(to: clock.now) }

        func sleep(until offset: Duration) async throws {
            try await clock.sleep(until: start.advanced(by: offset), tolerance: nil)
        }
    }
}
