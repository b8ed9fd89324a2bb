#if Backends
    public import WoveRuntime

    /// The settings every backend executor shares, as a typed value: what `executor_config`
    /// spells `command`, `callback_host`, `callback_port`, `callback_url`, `security`,
    /// `poll_interval`, `payload_directory` and `insecure`.
    public struct BackendOptions: Sendable {
        /// What a job runs; `nil` runs this executable, which serves jobs in `WoveWorker.runIfRequested()`.
        public var command: [String]?
        /// Where the callback server listens.
        public var callbackHost: String
        /// Its port; 0 picks a free one.
        public var callbackPort: Int
        /// The URL jobs on other hosts reach the callback server at: a base (`http://login-1:7000`),
        /// under which `/wove/events/<token>` goes, or a whole URL with that path.
        public var callbackURL: String?
        /// Jobs sign their callbacks with the secret in this environment variable, which their
        /// environment must have too; `nil` leaves callbacks unsigned (the path's random token
        /// still authenticates them).
        public var callbackSecretVariable: String?
        /// How often the scheduler is asked about jobs that have not reported.
        public var pollInterval: Duration
        /// Where payloads too large for an environment variable are written; `nil` for the
        /// temporary directory.
        public var payloadDirectory: String?
        /// Allows an unsigned callback server listening beyond this machine, for development.
        public var insecure: Bool

        /// Options with the given values; the defaults suit jobs on this machine.
        public init(
            command: [String]? = nil, callbackHost: String = "127.0.0.1", callbackPort: Int = 0,
            callbackURL: String? = nil, callbackSecretVariable: String? = nil,
            pollInterval: Duration = .seconds(2),
            payloadDirectory: String? = nil, insecure: Bool = false
        ) {
            self.command = command
            self.callbackHost = callbackHost
            self.callbackPort = callbackPort
            self.callbackURL = callbackURL
            self.callbackSecretVariable = callbackSecretVariable
            self.pollInterval = pollInterval
            self.payloadDirectory = payloadDirectory
            self.insecure = insecure
        }

        /// The `executor_config` names of the shared settings, for adapters that check their own.
        package static let settingNames = BackendSettings.keys

        /// The options as `executor_config` settings.
        public var configuration: [String: JSONValue] {
            var settings: [String: JSONValue] = [
                "callback_host": .string(callbackHost), "callback_port": .integer(callbackPort),
                "poll_interval": .number(pollInterval.seconds), "insecure": .bool(insecure),
            ]
            if let command { settings["command"] = .array(command.map(JSONValue.string)) }
            if let callbackURL { settings["callback_url"] = .string(callbackURL) }
            if let callbackSecretVariable { settings["security"] = .string("env:\(callbackSecretVariable)") }
            if let payloadDirectory { settings["payload_directory"] = .string(payloadDirectory) }
            return settings
        }
    }

    extension ExecutorProvider {
        /// Tasks run as jobs that an adapter of your own submits: a fresh adapter from
        /// `makeAdapter` for each weave run.
        ///
        /// ```swift
        /// try Wove.config(environments: [
        ///     "jobs": EnvironmentSettings(executor: .backend(name: "local-jobs") { LocalProcessAdapter() })
        /// ])
        /// ```
        ///
        /// - Parameters:
        ///   - name: The executor's name in messages and payloads.
        ///   - options: The settings every backend executor shares.
        ///   - configuration: The adapter's own settings, next to `options`' (its ``BackendContext``
        ///     has both).
        ///   - makeAdapter: Makes the adapter of one weave run.
        public static func backend(
            name: String, options: BackendOptions = BackendOptions(),
            configuration: [String: JSONValue] = [:],
            _ makeAdapter: @escaping @Sendable () -> any BackendAdapter
        ) -> ExecutorProvider {
            let keys = Array(configuration.keys)
            return backend(
                name: name, configuration: options.configuration.merging(configuration) { $1 },
                adapterKeys: keys,
                makeAdapter: { _ in makeAdapter() })
        }

        /// A backend provider for `configuration` as `executor_config` spells it, whose adapter's
        /// own settings are `adapterKeys`; `makeAdapter` reads them (throwing names the key).
        package static func backend(
            name: String, configuration: [String: JSONValue], adapterKeys: [String],
            makeAdapter: @escaping @Sendable (_ path: String) throws -> any BackendAdapter
        ) -> ExecutorProvider {
            ExecutorProvider(
                name: name, configuration: configuration,
                check: { configuration, path in
                    _ = try BackendSettings(configuration, name: name, adapterKeys: adapterKeys, at: path)
                    _ = try makeAdapter(path)
                },
                makeExecutor: {
                    BackendAdapterExecutor(
                        name: name, adapter: try makeAdapter("executor_config"), adapterKeys: adapterKeys)
                })
        }
    }
#endif
