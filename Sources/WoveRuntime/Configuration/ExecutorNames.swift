/// The executor names `wove_config.json` may use, and what each maps onto.
extension ExecutorProvider {
    /// Makes the provider a name stands for, from its `executor_config` settings.
    public typealias Parser =
        @Sendable (_ configuration: [String: JSONValue], _ path: String) throws -> ExecutorProvider

    /// The names of Wove's integration modules, with the trait that enables each.
    static let integrationTraits: [String: String] = [
        "http": "HTTP", "https": "HTTP", "grpc": "GRPC", "websocket": "WebSocket", "slurm": "Slurm",
        "ray": "Ray",
    ]

    private static let registry = LockedValue<[String: Parser]>([
        "local": { _, _ in .local },
        "stdio": { configuration, _ in .stdio(configuration: configuration) },
    ])

    /// Lets `wove_config.json` name an executor `name`: an environment with
    /// `"executor": "<name>"` gets the provider `parse` makes from its `executor_config`.
    /// Integration modules register theirs; register your own executors the same way. A later
    /// registration of a name replaces an earlier one.
    ///
    /// ```swift
    /// ExecutorProvider.register("recording") { configuration, _ in
    ///     .custom(configuration: configuration) { RecordingExecutor() }
    /// }
    /// ```
    public static func register(_ name: String, _ parse: @escaping Parser) {
        registry.withLock { $0[name] = parse }
    }

    /// The names `wove_config.json` may use now, sorted.
    public static var registeredNames: [String] { registry.withLock { $0.keys.sorted() } }

    /// The provider `name` stands for, with `configuration` as its `executor_config`, as a
    /// configuration file would give it; `path` names where it came from in error messages.
    ///
    /// - Throws: ``MissingDispatchFeatureError`` for an integration whose module is not linked
    ///   or registered; ``WeaveError`` listing the known names for any other unknown name; the
    ///   provider's own error for invalid settings.
    public static func named(
        _ name: String, configuration: [String: JSONValue] = [:], at path: String = "environment"
    ) throws -> ExecutorProvider {
        if let parse = registry.withLock({ $0[name] }) {
            let provider = try parse(configuration, path)
            try provider.validate(at: path)
            return provider
        }
        if let trait = integrationTraits[name] {
            throw MissingDispatchFeatureError(
                reason:
                    "\(path).executor is '\(name)', whose executor is not linked into this program: enable "
                    + "the \(trait) trait, import Wove\(trait) and call ExecutorProvider.register\(trait)Executors() "
                    + "before the configuration is read.",
                trait: trait)
        }
        throw WeaveError(
            .invalidConfiguration,
            "\(path).executor is '\(name)', which no executor provides. Known: "
                + "\(registeredNames.joined(separator: ", ")); with their traits enabled: "
                + "\(integrationTraits.keys.sorted().joined(separator: ", ")). A custom executor is registered "
                + "with ExecutorProvider.register(_:_:).")
    }
}
