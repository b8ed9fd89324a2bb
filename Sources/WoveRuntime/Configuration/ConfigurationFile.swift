import Foundation

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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        } catch {
            throw WeaveError(.invalidConfiguration, "\(file.path) is not readable JSON: \(error).")
        }
        guard let root = object as? [String: Any] else {
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

    static func parse(_ root: [String: Any]) throws -> ConfigurationChange {
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
    let object: [String: Any]
    let path: String
    let known: Set<String>

    init(_ object: [String: Any], path: String, known: Set<String>) {
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
        guard let text = value as? String else { throw wrongType(key, value, "a string") }
        return text
    }

    func integer(_ key: String) throws(WeaveError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let number = value as? NSNumber, !isBoolean(number),
            let integer = Int(exactly: number.doubleValue)
        else { throw wrongType(key, value, "a whole number") }
        return integer
    }

    func seconds(_ key: String) throws(WeaveError) -> Duration? {
        guard let value = present(key) else { return nil }
        guard let number = value as? NSNumber, !isBoolean(number),
            let duration = Duration(checkedSeconds: number.doubleValue)
        else {
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

    /// A JSON object kept as ``JSONValue``s, for settings Wove passes on (`executor_config`):
    /// re-serialized and decoded by `JSONValue` itself, so whole numbers stay whole.
    func jsonObject(_ key: String) throws(WeaveError) -> [String: JSONValue]? {
        guard let value = present(key) else { return nil }
        guard value is [String: Any] else { throw wrongType(key, value, "an object") }
        do {
            let data = try JSONSerialization.data(withJSONObject: value)
            return try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            throw WeaveError(.invalidConfiguration, "\(name(key)) could not be read: \(error).")
        }
    }

    /// The entries of the object under `key`, each an object or `null` (`nil` here).
    func objects(_ key: String) throws(WeaveError) -> [(String, [String: Any]?)] {
        guard let value = present(key) else { return [] }
        guard let table = value as? [String: Any] else { throw wrongType(key, value, "an object") }
        var result: [(String, [String: Any]?)] = []
        for name in table.keys.sorted() {
            if table[name] is NSNull {
                result.append((name, nil))
                continue
            }
            guard let entry = table[name] as? [String: Any] else {
                throw wrongType("\(key).\(name)", table[name] ?? NSNull(), "an object or null")
            }
            result.append((name, entry))
        }
        return result
    }

    private func present(_ key: String) -> Any? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        return value
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// JSON `true`/`false` arrive as numbers whose Objective-C type is `char`; JSON numbers never do.
    private func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private func wrongType(_ key: String, _ value: Any, _ expected: String) -> WeaveError {
        WeaveError(.invalidConfiguration, "\(name(key)) is \(value); it must be \(expected).")
    }
}
