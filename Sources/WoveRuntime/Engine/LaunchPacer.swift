/// Spaces launches evenly: one slot every `60 / limitPerMinute` seconds.
///
/// A caller takes its slot right before its body runs, so time spent waiting
/// for a worker does not use up slots.
package final class LaunchPacer: Sendable {
    private let interval: Duration
    private let clock: WoveClock
    private let nextSlot = LockedValue<Duration?>(nil)

    package init(limitPerMinute: Int, clock: WoveClock) {
        self.interval = .seconds(60) / limitPerMinute
        self.clock = clock
    }

    /// Waits for this caller's slot.
    package func takeSlot() async throws {
        let now = clock.now
        let slot = nextSlot.withLock { next -> Duration in
            let slot = max(next ?? now, now)
            next = slot + interval
            return slot
        }
        if slot > now { try await clock.sleep(until: slot) }
    }
}
