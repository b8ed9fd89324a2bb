/// The options one weave runs with, after defaults are applied.
package struct WeaveOptions: Sendable {
    /// The default for ``maxWorkers``.
    package static let defaultMaxWorkers = 64

    /// How many synchronous task bodies of this weave may run at once.
    package var maxWorkers: Int
    /// Whether task failures are thrown or returned in the result.
    package var errorMode: ErrorMode
    /// The most items one mapped task may have; `nil` for no limit.
    package var maxPending: Int?
    /// Drives pacing, backoff and timeouts.
    package var clock: WoveClock

    package init(
        maxWorkers: Int? = nil,
        maxPending: Int? = nil,
        errorMode: ErrorMode = .raise,
        clock: any Clock<Duration> = ContinuousClock()
    ) throws(WeaveError) {
        let maxWorkers = maxWorkers ?? Self.defaultMaxWorkers
        guard maxWorkers >= 1 else {
            throw WeaveError(.invalidOption, "maxWorkers must be at least 1; got \(maxWorkers).")
        }
        if let maxPending, maxPending < 0 {
            throw WeaveError(.invalidOption, "maxPending must be 0 or more; got \(maxPending).")
        }
        self.maxWorkers = maxWorkers
        self.maxPending = maxPending
        self.errorMode = errorMode
        self.clock = WoveClock(clock)
    }
}
