public import Foundation
import Synchronization

/// Process-wide configuration for every weave.
///
/// ```swift
/// try Wove.config(
///     environments: ["heavy": EnvironmentSettings(retries: 3, timeout: .seconds(30))],
///     maxWorkers: 32)
/// try Wove.config()  // or load wove_config.json from the working directory or a parent
/// ```
///
/// Reading the configuration is safe from any thread; each weave takes a snapshot when it
/// starts. Options resolve as: the task's own → the weave's → the task's environment → this
/// configuration → built-in defaults.
public enum Wove {
    private static let global = Mutex(WoveConfiguration())
    @TaskLocal private static var scoped: WoveConfiguration?

    /// The configuration in force here: a ``withConfiguration(_:operation:)`` scope's, else the
    /// process-wide one.
    public static var configuration: WoveConfiguration { scoped ?? global.withLock { $0 } }

    /// Sets the given process-wide defaults; values not passed keep their current setting.
    ///
    /// - Throws: ``WeaveError`` with code ``WeaveError/Code/invalidConfiguration`` or
    ///   ``WeaveError/Code/unknownEnvironment``, naming the bad key and value; nothing changes.
    public static func config(
        defaultEnvironment: String? = nil,
        environments: [String: EnvironmentSettings]? = nil,
        maxWorkers: Int? = nil,
        retries: Int? = nil,
        timeout: Duration? = nil,
        workers: Int? = nil,
        limitPerMinute: Int? = nil,
        maxPending: Int? = nil,
        errorMode: ErrorMode? = nil,
        delivery: DeliverySettings? = nil
    ) throws(WeaveError) {
        try update { configuration in
            configuration.defaultEnvironment = defaultEnvironment ?? configuration.defaultEnvironment
            configuration.environments = environments ?? configuration.environments
            configuration.maxWorkers = maxWorkers ?? configuration.maxWorkers
            configuration.retries = retries ?? configuration.retries
            configuration.timeout = timeout ?? configuration.timeout
            configuration.workers = workers ?? configuration.workers
            configuration.limitPerMinute = limitPerMinute ?? configuration.limitPerMinute
            configuration.maxPending = maxPending ?? configuration.maxPending
            configuration.errorMode = errorMode ?? configuration.errorMode
            if let delivery { configuration.delivery = delivery.inheriting(from: configuration.delivery) }
        }
    }

    /// Loads `wove_config.json` from the working directory or its nearest parent that has one.
    ///
    /// - Returns: The file loaded, or `nil` if there was none (the configuration is unchanged).
    /// - Throws: ``WeaveError`` naming the file and the bad key or value.
    @discardableResult
    public static func config() throws(WeaveError) -> URL? {
        try config(searchingFrom: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Loads `wove_config.json` from `directory` or its nearest parent that has one.
    ///
    /// - Returns: The file loaded, or `nil` if there was none (the configuration is unchanged).
    @discardableResult
    public static func config(searchingFrom directory: URL) throws(WeaveError) -> URL? {
        guard let (configuration, file) = try loadConfiguration(searchingFrom: directory) else { return nil }
        try update { $0 = configuration }
        return file
    }

    /// Reads and validates `wove_config.json` from `directory` or its nearest parent, without
    /// installing it.
    ///
    /// - Returns: The configuration and its file, or `nil` if no directory up to the root has one.
    public static func loadConfiguration(
        searchingFrom directory: URL
    ) throws(WeaveError) -> (configuration: WoveConfiguration, file: URL)? {
        guard let file = ConfigurationFile.find(from: directory) else { return nil }
        return (try ConfigurationFile.load(file), file)
    }

    /// Replaces the process-wide configuration with the one in a JSON file.
    public static func config(contentsOf file: URL) throws(WeaveError) {
        let loaded = try ConfigurationFile.load(file)
        try update { $0 = loaded }
    }

    /// Replaces the process-wide configuration.
    public static func setConfiguration(_ configuration: WoveConfiguration) throws(WeaveError) {
        try update { $0 = configuration }
    }

    /// Runs `operation` with `configuration` in force for every weave it starts (a task-local
    /// scope: other tasks keep theirs). Useful in tests, which run in parallel.
    public static func withConfiguration<T>(
        _ configuration: WoveConfiguration,
        operation: () async throws -> T
    ) async throws -> T {
        try configuration.validate()
        return try await $scoped.withValue(configuration, operation: operation)
    }

    private static func update(_ change: (inout WoveConfiguration) -> Void) throws(WeaveError) {
        var updated = configuration
        change(&updated)
        try updated.validate()
        global.withLock { $0 = updated }
    }
}
