#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Process-wide configuration for every weave.
///
/// ```swift
/// try Wove.config(
///     environments: ["heavy": EnvironmentSettings(retries: 3, timeout: .seconds(30))],
///     maxWorkers: 32)
/// try Wove.loadConfigFile()  // or merge wove_config.json from the working directory or a parent
/// ```
///
/// Reading the configuration is safe from any thread; each weave takes a snapshot when it
/// starts. Options resolve as: the task's own → the weave's → the task's environment → this
/// configuration → built-in defaults.
public enum Wove {
    private static let global = LockedValue(ConfigurationSnapshot(WoveConfiguration()))
    @TaskLocal private static var scoped: ConfigurationSnapshot?

    /// The configuration in force here: a ``withConfiguration(_:operation:)`` scope's, else the
    /// process-wide one.
    public static var configuration: WoveConfiguration { snapshot.configuration }

    /// The configuration in force here, as weaves read it.
    static var snapshot: ConfigurationSnapshot { scoped ?? global.withLock { $0 } }

    /// The observers of a ``withConfiguration(_:operation:)`` scope, if one is in force.
    static var scopedObservers: [any WeaveObserver]? { scoped?.configuration.observers }

    /// The process-wide configuration's observers.
    static var globalObservers: [any WeaveObserver] { global.withLock { $0.configuration.observers } }

    /// Merges the given settings into the process-wide configuration; values not passed keep
    /// their current setting. Successive calls add up.
    ///
    /// - Parameters:
    ///   - defaultEnvironment: The environment of tasks and weaves that name none.
    ///   - environments: Environments to add or replace, by name; a `nil` value removes that
    ///     environment (`["old": nil]`). Environments not named are kept.
    ///   - maxWorkers: Default `maxWorkers` for weaves.
    ///   - maxBlockingThreads: The most synchronous bodies that may run at once in the whole
    ///     process, across every weave (default 256).
    ///   - retries: Default retries for tasks.
    ///   - timeout: Default per-attempt timeout for tasks.
    ///   - workers: Default `workers` for mapped tasks.
    ///   - limitPerMinute: Default `limitPerMinute` for mapped tasks.
    ///   - maxPending: Default `maxPending` for weaves.
    ///   - errorMode: Default error mode for weaves.
    ///   - delivery: Delivery defaults; each field set here replaces the current one.
    ///   - observers: Observers of every weave, replacing the current ones (see
    ///     ``WoveConfiguration/observers``); `[]` removes them.
    /// - Throws: ``WeaveError`` with code ``WeaveError/Code/invalidConfiguration`` or
    ///   ``WeaveError/Code/unknownEnvironment``, naming the bad key and value; nothing changes.
    public static func config(
        defaultEnvironment: String? = nil,
        environments: [String: EnvironmentSettings?]? = nil,
        maxWorkers: Int? = nil,
        maxBlockingThreads: Int? = nil,
        retries: Int? = nil,
        timeout: Duration? = nil,
        workers: Int? = nil,
        limitPerMinute: Int? = nil,
        maxPending: Int? = nil,
        errorMode: ErrorMode? = nil,
        delivery: DeliverySettings? = nil,
        observers: [any WeaveObserver]? = nil
    ) throws(WeaveError) {
        try install(
            ConfigurationChange(
                defaultEnvironment: defaultEnvironment, environments: environments ?? [:],
                maxWorkers: maxWorkers,
                maxBlockingThreads: maxBlockingThreads, retries: retries, timeout: timeout, workers: workers,
                limitPerMinute: limitPerMinute, maxPending: maxPending, errorMode: errorMode,
                delivery: delivery, observers: observers
            ).applied(to:))
    }

    /// Finds `wove_config.json` in `directory` (the working directory by default) or its nearest
    /// parent that has one, and merges it into the process-wide configuration as
    /// ``config(defaultEnvironment:environments:maxWorkers:maxBlockingThreads:retries:timeout:workers:limitPerMinute:maxPending:errorMode:delivery:observers:)``
    /// would: an environment set to `null` in the file is removed. Python wove's `config()` with
    /// no arguments.
    ///
    /// - Returns: The file loaded, or `nil` if there was none (the configuration is unchanged).
    /// - Throws: ``WeaveError`` naming the file and the bad key or value;
    ///   ``MissingDispatchFeatureError`` for an executor whose integration is not linked. Nothing
    ///   changes then.
    @discardableResult
    public static func loadConfigFile(
        searchingFrom directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws -> URL? {
        guard let file = ConfigurationFile.find(from: directory) else { return nil }
        try loadConfigFile(at: file)
        return file
    }

    /// Merges the settings of the JSON file at `file` into the process-wide configuration.
    /// Python wove's `config(config_file=…)`.
    public static func loadConfigFile(at file: URL) throws {
        let change = try ConfigurationFile.load(file)
        try install(change.applied(to:))
    }

    /// Reads and checks `wove_config.json` from `directory` or its nearest parent, without
    /// installing it.
    ///
    /// - Returns: The file's settings over built-in defaults, and the file; `nil` if no
    ///   directory up to the root has one.
    public static func readConfigFile(
        searchingFrom directory: URL
    ) throws -> (configuration: WoveConfiguration, file: URL)? {
        guard let file = ConfigurationFile.find(from: directory) else { return nil }
        return (try ConfigurationFile.load(file).applied(to: WoveConfiguration()), file)
    }

    /// Replaces the process-wide configuration.
    public static func setConfiguration(_ configuration: WoveConfiguration) throws(WeaveError) {
        try install { _ in configuration }
    }

    /// Runs `operation` with `configuration` in force for every weave it starts (a task-local
    /// scope: other tasks keep theirs). Useful in tests, which run in parallel.
    ///
    /// - Throws: ``WeaveError`` if `configuration` is invalid or sets the process-wide
    ///   ``WoveConfiguration/maxBlockingThreads``.
    public static func withConfiguration<T>(
        _ configuration: WoveConfiguration,
        operation: () async throws -> T
    ) async throws -> T {
        try configuration.validate()
        if configuration.maxBlockingThreads != nil {
            throw WeaveError(
                .invalidConfiguration,
                "maxBlockingThreads bounds the whole process, so a scoped configuration cannot set it; "
                    + "set it with Wove.config(maxBlockingThreads:).")
        }
        return try await $scoped.withValue(ConfigurationSnapshot(configuration), operation: operation)
    }

    /// Replaces the process-wide configuration with `change` of it, atomically: the change
    /// sees the current process-wide configuration (never a scoped one), and concurrent calls
    /// apply one after the other.
    private static func install(
        _ change: (WoveConfiguration) -> WoveConfiguration
    ) throws(WeaveError) {
        try global.withLock { current throws(WeaveError) in
            let updated = change(current.configuration)
            try updated.validate()
            current = ConfigurationSnapshot(updated)
            BlockingPool.shared.setLimit(updated.maxBlockingThreads ?? BlockingPool.defaultLimit)
        }
    }
}
