/// Where an environment's tasks run, as a typed value: in this process (``local``), in worker
/// processes (``stdio(command:workers:writeTimeout:keepAlive:)``), or through an ``EnvironmentExecutor``
/// of your own (``custom(configuration:_:)``, ``shared(_:configuration:)``).
///
/// ```swift
/// try Wove.config(environments: [
///     "remote": EnvironmentSettings(executor: .stdio(workers: 4)),
///     "mine": EnvironmentSettings(executor: .custom { MyExecutor() }),
/// ])
/// ```
///
/// Integration modules add their own static members (`.http(…)`, `.grpc(…)`), built with
/// ``init(name:configuration:check:makeExecutor:)``, and ``register(_:_:)`` their name so that
/// `wove_config.json` can use it: there an environment names its executor as a string
/// (`"executor": "stdio"`) with its settings under `executor_config`, and the name is mapped onto
/// the same type.
public struct ExecutorProvider: Sendable {
    /// The name `wove_config.json` uses for it: `local`, `stdio`, `custom`, or an integration's.
    public let name: String
    /// The settings handed to each executor's `start` as `environmentConfig` (`executor_config`).
    public let configuration: [String: JSONValue]
    /// Makes the executor of one weave run; `nil` for the local environment, which needs none.
    let makeExecutor: (@Sendable () throws -> any EnvironmentExecutor)?
    private let check: @Sendable (_ configuration: [String: JSONValue], _ path: String) throws -> Void

    /// A provider of executors named `name`, for integration modules' own static members.
    ///
    /// - Parameters:
    ///   - name: Its name in `wove_config.json`.
    ///   - configuration: The settings each executor's `start` receives.
    ///   - check: Throws a ``WeaveError`` with code ``WeaveError/Code/invalidConfiguration``,
    ///     naming the key under `path` (`environments.remote.executor_config`), if
    ///     `configuration` is invalid; called when the configuration is set.
    ///   - makeExecutor: Makes a fresh executor for each weave run.
    public init(
        name: String,
        configuration: [String: JSONValue] = [:],
        check: @escaping @Sendable (_ configuration: [String: JSONValue], _ path: String) throws -> Void = {
            _, _ in
        },
        makeExecutor: @escaping @Sendable () throws -> any EnvironmentExecutor
    ) {
        self.name = name
        self.configuration = configuration
        self.check = check
        self.makeExecutor = makeExecutor
    }

    private init(local: Void) {
        name = "local"
        configuration = [:]
        check = { _, _ in }
        makeExecutor = nil
    }

    /// Tasks run in this process, with no frames: the default.
    public static let local = ExecutorProvider(local: ())

    /// Tasks run in worker processes started for each weave run, or kept from the last one with
    /// `keepAlive`, speaking JSON lines over their stdin and stdout.
    ///
    /// - Parameters:
    ///   - command: The worker executable and its arguments; `nil` (the default) starts the
    ///     current executable again, which serves once it calls `WoveWorker.runIfRequested()`.
    ///   - workers: How many worker processes share the environment's runs, 1 to 1,024.
    ///   - writeTimeout: How long writing to a worker that stopped reading may take before its
    ///     runs fail and the process is replaced.
    ///   - keepAlive: How long a worker process stays idle after a weave run, for the
    ///     environment's next run to use instead of starting one; zero (the default) stops each
    ///     run's processes when it settles.
    public static func stdio(
        command: [String]? = nil, workers: Int = 1, writeTimeout: Duration = .seconds(10),
        keepAlive: Duration = .zero
    ) -> ExecutorProvider {
        var configuration: [String: JSONValue] = [
            "workers": .integer(workers), "write_timeout": .number(writeTimeout.seconds),
            "keep_alive": .number(keepAlive.seconds),
        ]
        if let command { configuration["command"] = .array(command.map(JSONValue.string)) }
        return stdio(configuration: configuration)
    }

    /// The stdio provider for settings as `wove_config.json` spells them.
    static func stdio(configuration: [String: JSONValue]) -> ExecutorProvider {
        ExecutorProvider(
            name: "stdio", configuration: configuration,
            check: { configuration, path in _ = try StdioConfiguration(configuration, at: path) },
            makeExecutor: { StdioExecutor() })
    }

    /// Tasks go to executors of your own, a fresh one from `makeExecutor` for each weave run, so
    /// concurrent weaves never share one.
    ///
    /// - Parameters:
    ///   - configuration: The settings each executor's `start` receives as `environmentConfig`.
    ///   - makeExecutor: Makes the executor of one weave run.
    public static func custom(
        configuration: [String: JSONValue] = [:],
        _ makeExecutor: @escaping @Sendable () -> any EnvironmentExecutor
    ) -> ExecutorProvider {
        ExecutorProvider(name: "custom", configuration: configuration, makeExecutor: makeExecutor)
    }

    /// Tasks go to `executor`, which every weave run that uses the environment shares: each run
    /// calls its `start` and, when the run settles, its `stop`. Weaves that may run at the same
    /// time should use ``custom(configuration:_:)`` instead.
    public static func shared(
        _ executor: any EnvironmentExecutor, configuration: [String: JSONValue] = [:]
    ) -> ExecutorProvider {
        ExecutorProvider(name: "custom", configuration: configuration, makeExecutor: { executor })
    }

    /// Whether tasks run in this process, without frames.
    public var isLocal: Bool { makeExecutor == nil }

    /// Throws if the settings are invalid, naming the key under `path` (`environments.x`).
    func validate(at path: String) throws(WeaveError) {
        do {
            try check(configuration, "\(path).executor_config")
        } catch let error as WeaveError {
            throw error
        } catch {
            throw WeaveError(.invalidConfiguration, "\(path).executor_config is invalid: \(error)")
        }
    }
}
