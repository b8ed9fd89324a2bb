#if Slurm
    public import WoveBackends
    public import WoveRuntime

    extension ExecutorProvider {
        /// Tasks run as Slurm batch jobs, submitted with `sbatch` on this machine; each job runs
        /// `options.command` (by default this executable), which reports back to this process.
        ///
        /// ```swift
        /// try Wove.config(environments: [
        ///     "cluster": EnvironmentSettings(executor: .slurm(partition: "batch", timeLimit: "00:10:00"))
        /// ])
        /// ```
        ///
        /// - Parameters:
        ///   - partition: `--partition` of every job; `nil` for the cluster's default.
        ///   - timeLimit: `--time` of every job, in Slurm's forms (`"10"`, `"01:30:00"`).
        ///   - sbatchArguments: More `sbatch` arguments (`["--mem=1G"]`).
        ///   - prefix: Job names are `<prefix>-<run id>`.
        ///   - options: The settings every backend executor shares.
        public static func slurm(
            partition: String? = nil, timeLimit: String? = nil, sbatchArguments: [String] = [],
            prefix: String = "wove", options: BackendOptions = BackendOptions()
        ) -> ExecutorProvider {
            var configuration = options.configuration
            if let partition { configuration["partition"] = .string(partition) }
            if let timeLimit { configuration["time_limit"] = .string(timeLimit) }
            configuration["sbatch_arguments"] = .array(sbatchArguments.map(JSONValue.string))
            configuration["prefix"] = .string(prefix)
            return slurm(configuration: configuration)
        }

        static func slurm(configuration: [String: JSONValue]) -> ExecutorProvider {
            backend(name: "slurm", configuration: configuration, adapterKeys: SlurmSettings.keys) { path in
                SlurmAdapter(settings: try SlurmSettings(configuration, at: path))
            }
        }

        /// Lets `wove_config.json` use the executor name `slurm`, and lets this executable run the
        /// jobs it submits (``BackendWorker/enable()``). Call it at the start of `main`, before
        /// `WoveWorker.runIfRequested()` and before loading a configuration that names it.
        public static func registerSlurmExecutors() {
            BackendWorker.enable()
            register("slurm") { configuration, _ in slurm(configuration: configuration) }
        }
    }
#endif
