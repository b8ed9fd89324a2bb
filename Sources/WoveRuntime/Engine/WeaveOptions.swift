/// The options one weave runs with, resolved: the weave's own → its environment's → the
/// global configuration's → built-in defaults.
package struct WeaveOptions: Sendable {
    /// The default for ``maxWorkers``.
    package static let defaultMaxWorkers = 256

    /// How many synchronous task bodies of this weave may run at once.
    package let maxWorkers: Int
    /// Whether task failures are thrown or returned in the result.
    package let errorMode: ErrorMode
    /// The most items one mapped task may have; `nil` for no limit.
    package let maxPending: Int?
    /// Drives pacing, backoff and timeouts.
    package let clock: WoveClock
    /// The defaults tasks resolve their options against.
    package let defaults: OptionDefaults

    init(_ settings: WeaveSettings, configuration: WoveConfiguration) throws(WeaveError) {
        let environmentName = settings.environment ?? configuration.defaultEnvironment ?? "local"
        guard let environment = configuration.environment(named: environmentName) else {
            throw WeaveError(
                .unknownEnvironment,
                "The weave runs in environment '\(environmentName)', which is not configured. Configured "
                    + "environments: \(configuration.environmentNames.joined(separator: ", ")).")
        }
        let maxWorkers =
            settings.maxWorkers ?? environment.maxWorkers ?? configuration.maxWorkers
            ?? Self.defaultMaxWorkers
        guard maxWorkers >= 1 else {
            throw WeaveError(.invalidOption, "maxWorkers must be at least 1; got \(maxWorkers).")
        }
        let maxPending = settings.maxPending ?? environment.maxPending ?? configuration.maxPending
        if let maxPending, maxPending < 0 {
            throw WeaveError(.invalidOption, "maxPending must be 0 or more; got \(maxPending).")
        }
        self.maxWorkers = maxWorkers
        self.maxPending = maxPending
        self.errorMode = settings.errorMode ?? configuration.errorMode ?? .raise
        // The default clock is known here, so its wrapper is made without opening an existential
        // (which would look the wrapper's generic type up in the runtime on every weave).
        self.clock = settings.clock.map { WoveClock($0) } ?? WoveClock(ContinuousClock())
        self.defaults = OptionDefaults(
            configuration: configuration, weaveEnvironment: environmentName, settings: environment,
            observers: settings.observers.isEmpty
                ? configuration.observers : settings.observers + configuration.observers,
            // Options resolved with no setting of the weave's own are a snapshot's, made once for
            // every weave that sets none (``ConfigurationSnapshot/options(for:)``).
            isShared: settings.setsNoOption)
    }
}

/// What a caller passed to `weave(...)`; `nil` means "not given here".
package struct WeaveSettings: Sendable {
    package var environment: String?
    package var maxWorkers: Int?
    package var maxPending: Int?
    package var errorMode: ErrorMode?
    /// `nil` for `ContinuousClock`.
    package var clock: (any Clock<Duration>)?
    package var debug: Bool
    /// Observers of this weave, told before the configuration's.
    package var observers: [any WeaveObserver]
    /// The weave's name in events; `nil` for the `Weave` type it runs, else `weave`.
    package var name: String?

    package init(
        environment: String? = nil,
        maxWorkers: Int? = nil,
        maxPending: Int? = nil,
        errorMode: ErrorMode? = nil,
        clock: (any Clock<Duration>)? = nil,
        debug: Bool = false,
        observers: [any WeaveObserver] = [],
        name: String? = nil
    ) {
        self.environment = environment
        self.maxWorkers = maxWorkers
        self.maxPending = maxPending
        self.errorMode = errorMode
        self.clock = clock
        self.debug = debug
        self.observers = observers
        self.name = name
    }

    /// Whether the options come from the configuration alone: no environment, limit, error
    /// mode, clock or observer of the weave's own (`debug` and `name` are not options).
    var setsNoOption: Bool {
        environment == nil && maxWorkers == nil && maxPending == nil && errorMode == nil && clock == nil
            && observers.isEmpty
    }
}
