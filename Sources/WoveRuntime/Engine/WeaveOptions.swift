/// The options one weave runs with, after defaults are applied.
package struct WeaveOptions: Sendable {
    /// The default for ``maxWorkers``.
    package static let defaultMaxWorkers = 64

    /// How many synchronous task bodies of this weave may run at once.
    package var maxWorkers: Int
    /// Whether task failures are thrown or returned in the result.
    package var errorMode: ErrorMode

    package init(maxWorkers: Int? = nil, errorMode: ErrorMode = .raise) throws(WeaveError) {
        let maxWorkers = maxWorkers ?? Self.defaultMaxWorkers
        guard maxWorkers >= 1 else {
            throw WeaveError(.invalidOption, "maxWorkers must be at least 1; got \(maxWorkers).")
        }
        self.maxWorkers = maxWorkers
        self.errorMode = errorMode
    }
}
