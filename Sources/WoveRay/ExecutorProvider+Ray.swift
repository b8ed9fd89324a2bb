#if Ray
    public import Foundation
    public import WoveBackends
    public import WoveRuntime

    extension ExecutorProvider {
        /// Tasks run as Ray jobs, submitted to the Jobs REST API of the dashboard at `address`;
        /// each job runs `options.command` (by default this executable, which must exist at the
        /// same path on the head node), which reports back to this process.
        ///
        /// ```swift
        /// try Wove.config(environments: [
        ///     "ray": EnvironmentSettings(executor: .ray(address: URL(string: "https://ray-head.internal:8265")))
        /// ])
        /// ```
        ///
        /// - Parameters:
        ///   - address: The Ray dashboard; `nil` for `http://127.0.0.1:8265`.
        ///   - headers: Extra request headers.
        ///   - runtimeEnvironment: Merged into every job's `runtime_env`.
        ///   - prefix: Submission ids are `<prefix>-<run id>`.
        ///   - options: The settings every backend executor shares.
        public static func ray(
            address: URL? = nil, headers: [String: String] = [:],
            runtimeEnvironment: [String: JSONValue] = [:], prefix: String = "wove",
            options: BackendOptions = BackendOptions()
        ) -> ExecutorProvider {
            var configuration = options.configuration
            configuration["address"] = .string(address?.absoluteString ?? RaySettings.defaultAddress)
            configuration["headers"] = .object(headers.mapValues(JSONValue.string))
            configuration["runtime_env"] = .object(runtimeEnvironment)
            configuration["prefix"] = .string(prefix)
            return ray(configuration: configuration)
        }

        private static func ray(configuration: [String: JSONValue]) -> ExecutorProvider {
            backend(name: "ray", configuration: configuration, adapterKeys: RaySettings.keys) { path in
                RayAdapter(
                    settings: try RaySettings(
                        configuration, sharedKeys: BackendOptions.settingNames, at: path))
            }
        }

        /// Lets `wove_config.json` use the executor name `ray`, and lets this executable run the
        /// jobs it submits (``BackendWorker/enable()``). Call it at the start of `main`, before
        /// `WoveWorker.runIfRequested()` and before loading a configuration that names it.
        public static func registerRayExecutors() {
            BackendWorker.enable()
            register("ray") { configuration, _ in ray(configuration: configuration) }
        }
    }
#endif
