public import WoveRuntime

/// Marks the options of a weave that runs while its caller waits: `weave`, `weaveBlocking` and
/// `plan`.
public enum ForegroundWeave {}

/// Marks the options of a weave started with `weaveInBackground`.
public enum BackgroundWeave {}

/// One option of a weave run, passed to any entry point after `options:`:
///
/// ```swift
/// let result = try await weave(["ids": ids], options: .maxWorkers(8), .errorMode(.return)) {
///     Task("profiles", mapping: "ids") { (id: Int) in try await api.profile(id) }
/// }
/// ```
///
/// Every entry point takes the same options, defined once here. The few that only make sense
/// for one kind of run exist only for it: ``errorMode(_:)`` for weaves whose caller waits,
/// ``fork`` for background weaves; using one elsewhere does not compile. An option not given
/// falls back to the weave's environment, then the process-wide configuration, then the
/// built-in default; given twice, the last one wins (``observer(_:)`` adds up instead).
public struct WeaveOption<Kind>: Sendable {
    let apply: @Sendable (inout RunOptions) -> Void

    init(_ apply: @escaping @Sendable (inout RunOptions) -> Void) { self.apply = apply }

    /// The environment of tasks that name none (default: the configured default environment).
    public static func environment(_ name: String) -> Self { Self { $0.settings.environment = name } }

    /// How many synchronous task bodies of this weave may run at once (default 256; all weaves
    /// of the process share a cap of 256, see ``WoveConfiguration/maxBlockingThreads``).
    public static func maxWorkers(_ count: Int) -> Self { Self { $0.settings.maxWorkers = count } }

    /// The most items a mapped task may have; a task with more fails, with its dependents,
    /// before any item runs (default: no limit).
    public static func maxPending(_ count: Int) -> Self { Self { $0.settings.maxPending = count } }

    /// Prints the plan's ``ExecutionPlan/describe()`` report before running.
    public static var debug: Self { Self { $0.settings.debug = true } }

    /// Drives `limitPerMinute` pacing, retry backoff and timeouts; inject a test clock to check
    /// pacing without waiting (default: `ContinuousClock`).
    public static func clock(_ clock: some Clock<Duration>) -> Self { Self { $0.settings.clock = clock } }

    /// Receives the weave's ``WeaveEvent``s as they happen. Given more than once, every
    /// observer receives them, in the order given, before those of
    /// ``WoveConfiguration/observers``.
    public static func observer(_ observer: some WeaveObserver) -> Self {
        Self { $0.settings.observers.append(observer) }
    }

    /// The weave's name in its events, logs, metrics and traces (default: the `Weave` type it
    /// runs, else `weave`).
    public static func name(_ name: String) -> Self { Self { $0.settings.name = name } }
}

extension WeaveOption where Kind == ForegroundWeave {
    /// `.raise` (the default) makes the entry point throw the first task error unchanged;
    /// `.return` returns the result with every error in it.
    public static func errorMode(_ mode: ErrorMode) -> Self { Self { $0.settings.errorMode = mode } }

    /// Only a background weave can continue in another process.
    @available(*, unavailable, message: "fork is an option of weaveInBackground only")
    public static var fork: Self { Self { _ in } }
}

extension WeaveOption where Kind == BackgroundWeave {
    /// Continues the weave in a detached child process of this executable, which finishes even
    /// if this process exits first (see `weaveInBackground`).
    public static var fork: Self { Self { $0.fork = true } }

    /// A background weave always returns its task errors in its result.
    @available(*, unavailable, message: "a background weave always returns task errors in its result")
    public static func errorMode(_ mode: ErrorMode) -> Self { Self { _ in } }
}

/// What a weave's options add up to.
struct RunOptions {
    var settings = WeaveSettings()
    var fork = false

    init<Kind>(_ options: [WeaveOption<Kind>]) {
        for option in options { option.apply(&self) }
    }
}
