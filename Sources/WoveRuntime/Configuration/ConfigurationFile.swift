#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads `wove_config.json`: the keys of Python wove's `WOVE_CONFIG`, in snake_case JSON.
///
/// ```json
/// {
///   "default_environment": "default",
///   "max_workers": 32,
///   "environments": {
///     "default": { "executor": "local", "retries": 2, "timeout": 5.0 },
///     "remote": { "executor": "stdio", "executor_config": { "command": ["./worker"], "workers": 2 } }
///   }
/// }
/// ```
enum ConfigurationFile {
    static let fileName = "wove_config.json"

    /// The nearest `wove_config.json` in `directory` or a parent.
    static func find(from directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The settings `file` holds, checked on their own (merged into a configuration, they are
    /// checked again there).
    ///
    /// - Throws: ``WeaveError`` naming the file, the key and the value;
    ///   ``MissingDispatchFeatureError`` for an executor whose integration is not linked.
    static func load(_ file: URL) throws -> ConfigurationChange {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Data(contentsOf: file))
        } catch {
            throw WeaveError(.invalidConfiguration, "\(file.path) is not readable JSON: \(error).")
        }
        guard case .object(let root) = value else {
            throw WeaveError(.invalidConfiguration, "\(file.path) must hold a JSON object at the top.")
        }
        do {
            let change = try parse(root)
            try change.applied(to: WoveConfiguration()).validate()
            return change
        } catch let error as WeaveError {
            throw WeaveError(error.code, "\(file.path): \(error.message)")
        } catch let error as MissingDispatchFeatureError {
            throw MissingDispatchFeatureError(reason: "\(file.path): \(error.reason)", trait: error.trait)
        } catch {
            throw WeaveError(.invalidConfiguration, "\(file.path): \(error)")
        }
    }

    private static let globalKeys = Set<String>([
        "default_environment", "environments", "max_workers", "max_blocking_threads", "retries", "timeout",
        "workers",
        "limit_per_minute", "max_pending", "error_mode",
    ]).union(deliveryKeys)
    private static let environmentKeys = Set<String>([
        "executor", "executor_config", "retries", "timeout", "workers", "limit_per_minute", "max_workers",
        "max_pending", "stop_timeout",
    ]).union(deliveryKeys)
    private static let deliveryKeys: Set<String> = [
        "delivery_timeout", "delivery_idempotency_key", "delivery_cancel_mode", "delivery_heartbeat_seconds",
        "delivery_max_in_flight", "delivery_orphan_policy",
    ]

    static func parse(_ root: [String: JSONValue]) throws -> ConfigurationChange {
        let reader = KeyReader(root, path: "", known: globalKeys)
        try reader.rejectUnknownKeys()
        var change = ConfigurationChange(
            defaultEnvironment: try reader.string("default_environment"),
            maxWorkers: try reader.integer("max_workers"),
            maxBlockingThreads: try reader.integer("max_blocking_threads"),
            retries: try reader.integer("retries"),
            timeout: try reader.seconds("timeout"),
            workers: try reader.integer("workers"),
            limitPerMinute: try reader.integer("limit_per_minute"),
            maxPending: try reader.integer("max_pending"),
            errorMode: try reader.errorMode("error_mode"),
            delivery: try reader.delivery())
        for (name, value) in try reader.objects("environments") {
            guard let value else {
                change.environments[name] = .some(nil)
                continue
            }
            let environment = KeyReader(value, path: "environments.\(name)", known: environmentKeys)
            try environment.rejectUnknownKeys()
            change.environments[name] = EnvironmentSettings(
                executor: try ExecutorProvider.named(
                    try environment.string("executor") ?? "local",
                    configuration: try environment.jsonObject("executor_config") ?? [:],
                    at: "environments.\(name)"),
                retries: try environment.integer("retries"),
                timeout: try environment.seconds("timeout"),
                workers: try environment.integer("workers"),
                limitPerMinute: try environment.integer("limit_per_minute"),
                maxWorkers: try environment.integer("max_workers"),
                maxPending: try environment.integer("max_pending"),
                delivery: try environment.delivery(),
                stopTimeout: try environment.seconds("stop_timeout"))
        }
        return change
    }
}

/// Reads typed values out of one JSON object, naming the full key path in every error.
private struct KeyReader {
    let object: [String: JSONValue]
    let path: String
    let known: Set<String>

    init(_ object: [String: JSONValue], path: String, known: Set<String>) {
        self.object = object
        self.path = path
        self.known = known
    }

    func rejectUnknownKeys() throws(WeaveError) {
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw WeaveError(
                .invalidConfiguration,
                "\(name(unknown)) is not a configuration key. Known keys: \(known.sorted().joined(separator: ", "))."
            )
        }
    }

    func string(_ key: String) throws(WeaveError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, value, "a string") }
        return text
    }

    func integer(_ key: String) throws(WeaveError) -> Int? {
        guard let value = present(key) else { return nil }
        switch value {
        case .integer(let integer): return integer
        case .number(let number): if let integer = Int(exactly: number) { return integer }
        default: break
        }
        throw wrongType(key, value, "a whole number")
    }

    func seconds(_ key: String) throws(WeaveError) -> Duration? {
        guard let value = present(key) else { return nil }
        let seconds: Double? =
            switch value {
            case .integer(let integer): Double(integer)
            case .number(let number): number
            default: nil
            }
        guard let seconds, let duration = Duration(checkedSeconds: seconds) else {
            throw wrongType(key, value, "a number of seconds, at most \(Int(Duration.maximumSeconds))")
        }
        return duration
    }

    func errorMode(_ key: String) throws(WeaveError) -> ErrorMode? {
        guard let text = try string(key) else { return nil }
        switch text {
        case "raise": return .raise
        case "return": return .return
        default:
            throw WeaveError(
                .invalidConfiguration, "\(name(key)) is \"\(text)\"; it must be \"raise\" or \"return\".")
        }
    }

    /// The `delivery_*` keys of this object.
    func delivery() throws(WeaveError) -> DeliverySettings {
        DeliverySettings(
            timeout: try seconds("delivery_timeout"),
            idempotencyKey: try string("delivery_idempotency_key"),
            cancelMode: try choice("delivery_cancel_mode", of: Delivery.CancelMode.self),
            heartbeat: try seconds("delivery_heartbeat_seconds"),
            maxInFlight: try integer("delivery_max_in_flight"),
            orphanPolicy: try choice("delivery_orphan_policy", of: Delivery.OrphanPolicy.self))
    }

    /// One of `Choice`'s raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, of _: Choice.Type) throws(WeaveError)
        -> Choice? where Choice.RawValue == String
    {
        guard let text = try string(key) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw WeaveError(.invalidConfiguration, "\(name(key)) is \"\(text)\"; it must be one of \(allowed).")
    }

    /// A JSON object kept as it is, for settings Wove passes on (`executor_config`).
    func jsonObject(_ key: String) throws(WeaveError) -> [String: JSONValue]? {
        guard let value = present(key) else { return nil }
        guard case .object(let object) = value else { throw wrongType(key, value, "an object") }
        return object
    }

    /// The entries of the object under `key`, each an object or `null` (`nil` here).
    func objects(_ key: String) throws(WeaveError) -> [(String, [String: JSONValue]?)] {
        guard let value = present(key) else { return [] }
        guard case .object(let table) = value else { throw wrongType(key, value, "an object") }
        var result: [(String, [String: JSONValue]?)] = []
        for (name, entry) in table.sorted(by: { $0.key < $1.key }) {
            switch entry {
            case .null: result.append((name, nil))
            case .object(let object): result.append((name, object))
            default: throw wrongType("\(key).\(name)", entry, "an object or null")
            }
        }
        return result
    }

    /// The value under `key`; `nil` when it is missing or `null`.
    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The error for `value` under `key`, which is not `expected`; a string is shown without
    /// its quotes, anything else as its JSON text.
    private func wrongType(_ key: String, _ value: JSONValue, _ expected: String) -> WeaveError {
        let shown = if case .string(let text) = value { text } else { value.description }
        return WeaveError(.invalidConfiguration, "\(name(key)) is \(shown); it must be \(expected).")
    }
}
