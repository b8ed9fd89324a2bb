#if GRPC
    public import WoveNetwork
    public import WoveRuntime

    extension ExecutorProvider {
        /// Tasks run in a gRPC worker service (``GRPCWorkerService``, or any service speaking
        /// wove's protocol), one unary call per run.
        ///
        /// - Parameters:
        ///   - target: The service, `host:port` (or `dns:///host:port`, `unix:path`…).
        ///   - security: How calls are authenticated (default: none, allowed only to this machine or
        ///     with `insecure`).
        ///   - metadata: Extra metadata for every call.
        ///   - timeout: How long one call may take (default: no limit).
        ///   - secure: Whether to use TLS.
        ///   - trustRootsPEM: With `secure`, the roots to trust instead of the system's (a PEM file's bytes).
        ///   - insecure: Allow plain text or no security to another machine, for development.
        public static func grpc(
            target: String, security: NetworkExecutorSecurity = .none(), metadata: [String: String] = [:],
            timeout: Duration? = nil, secure: Bool = false, trustRootsPEM: [UInt8]? = nil,
            insecure: Bool = false
        ) -> ExecutorProvider {
            var configuration: [String: JSONValue] = [
                "target": .string(target), "insecure": .bool(insecure), "secure": .bool(secure),
                "metadata": .object(metadata.mapValues(JSONValue.string)),
            ]
            if let timeout { configuration["timeout"] = .number(timeout.seconds) }
            let preset: GRPCExecutorSettings? = GRPCTarget(target, secure: secure).map { parsed in
                GRPCExecutorSettings(
                    target: target, target: parsed, method: GRPCExecutorSettings.defaultMethod,
                    timeout: timeout,
                    metadata: metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                    security: security,
                    usesTLS: secure, trustRootsPEM: trustRootsPEM, insecure: insecure)
            }
            return ExecutorProvider(
                name: "grpc", configuration: configuration,
                check: { configuration, path in _ = try GRPCExecutorSettings(configuration, at: path) },
                makeExecutor: { GRPCExecutor(preset: preset) })
        }

        /// Lets `wove_config.json` use the executor name `grpc`. Call it once, before loading a
        /// configuration that names it.
        public static func registerGRPCExecutors() {
            register("grpc") { configuration, path in
                _ = try GRPCExecutorSettings(configuration, at: "\(path).executor_config")
                return ExecutorProvider(
                    name: "grpc", configuration: configuration,
                    check: { configuration, path in _ = try GRPCExecutorSettings(configuration, at: path) },
                    makeExecutor: { GRPCExecutor(preset: nil) })
            }
        }
    }
#endif
