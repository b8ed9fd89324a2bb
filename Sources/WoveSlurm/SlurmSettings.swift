#if Slurm
    import WoveBackends
    import WoveNetwork
    import WoveRuntime

    /// The `slurm` executor's own `executor_config` settings (the shared ones are
    /// ``BackendOptions``'):
    ///
    /// - `sbatch`, `scancel`, `squeue`, `scontrol`: each command, as an array of strings or one
    ///   string (default: the command of that name on `PATH`);
    /// - `partition`, `time_limit`: `--partition` and `--time` of every job;
    /// - `sbatch_arguments`: more `sbatch` arguments (`["--mem=1G", "--output=/scratch/%j.out"]`);
    /// - `prefix`: job names are `<prefix>-<run id>` (default `wove`).
    struct SlurmSettings: Sendable {
        static let keys = [
            "sbatch", "scancel", "squeue", "scontrol", "partition", "time_limit", "sbatch_arguments",
            "prefix",
        ]

        var sbatch = ["sbatch"]
        var scancel = ["scancel"]
        var squeue = ["squeue"]
        var scontrol = ["scontrol"]
        var arguments: [String] = []
        var prefix = "wove"

        /// Reads `config`; errors name the key under `path`.
        init(_ config: [String: JSONValue], at path: String) throws(WeaveError) {
            let reader = try NetworkConfigReader(
                config, name: "slurm", keys: Self.keys + BackendOptions.settingNames, at: path)
            func command(_ key: String) throws(WeaveError) -> [String]? {
                try StdioConfiguration.command(config[key], at: "\(path).\(key)")
            }
            sbatch = try command("sbatch") ?? sbatch
            scancel = try command("scancel") ?? scancel
            squeue = try command("squeue") ?? squeue
            scontrol = try command("scontrol") ?? scontrol
            if let partition = try reader.string("partition") { arguments += ["--partition", partition] }
            if let limit = try reader.string("time_limit") { arguments += ["--time", limit] }
            switch config["sbatch_arguments"] {
            case nil, .null?: break
            case .array(let items)?:
                for item in items {
                    guard case .string(let argument) = item else {
                        throw reader.reject(
                            "executor_config.sbatch_arguments must be an array of strings, not \(JSONValue.array(items))."
                        )
                    }
                    arguments.append(argument)
                }
            case let other?:
                throw reader.reject(
                    "executor_config.sbatch_arguments must be an array of strings, not \(other).")
            }
            prefix = try reader.string("prefix") ?? prefix
        }
    }
#endif
