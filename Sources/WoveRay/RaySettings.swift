#if Ray
    import Foundation
    import WoveNetwork
    import WoveRuntime

    /// The `ray` executor's own `executor_config` settings (the shared ones are `BackendOptions`'):
    ///
    /// - `address`: the Ray dashboard, whose Jobs REST API takes the jobs (default
    ///   `http://127.0.0.1:8265`); plain HTTP to another machine needs `insecure`;
    /// - `headers`: extra request headers (an auth proxy's, say); `token_env`: an environment
    ///   variable holding a bearer token sent as `Authorization`;
    /// - `runtime_env`: merged into every job's `runtime_env` (its `env_vars` with the payload's);
    /// - `metadata`: every job's `metadata`, string values;
    /// - `prefix`: submission ids are `<prefix>-<run id>` (default `wove`).
    struct RaySettings: Sendable {
        static let keys = ["address", "headers", "token_env", "runtime_env", "metadata", "prefix"]
        /// The dashboard of a Ray head started on this machine with its defaults.
        static let defaultAddress = "http://127.0.0.1:8265"

        var address: URL
        var headers: [(String, String)] = []
        var runtimeEnvironment: [String: JSONValue] = [:]
        var metadata: [String: JSONValue] = [:]
        var prefix = "wove"

        /// Reads `config` (with the shared settings' keys); errors name the key under `path`.
        init(_ config: [String: JSONValue], sharedKeys: [String], at path: String) throws(WeaveError) {
            let reader = try NetworkConfigReader(config, name: "ray", keys: Self.keys + sharedKeys, at: path)
            switch config["address"] {
            case nil, .null?:
                address = URL(string: Self.defaultAddress) ?? URL(fileURLWithPath: "/")
            case .string(let text)?:
                guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text),
                    ["http", "https"].contains(url.scheme ?? ""), let host = url.host, !host.isEmpty
                else {
                    throw reader.reject(
                        "executor_config.address must be an http:// or https:// URL, not '\(text)'.")
                }
                address = url
            case let other?:
                throw reader.reject("executor_config.address must be the Ray dashboard's URL, not \(other).")
            }
            if address.scheme == "http", !NetworkEndpoint.isLocal(host: address.host ?? ""),
                !(try reader.insecure())
            {
                throw reader.reject(
                    "executor_config.address \(address.absoluteString) is another machine over plain HTTP: use https:// "
                        + "or set executor_config.insecure=true for development.")
            }
            headers = try reader.headers()
            switch config["token_env"] {
            case nil, .null?: break
            case .string(let name)?:
                guard let token = ProcessInfo.processInfo.environment[name], !token.isEmpty else {
                    throw reader.reject("executor_config.token_env names '\(name)', which is not set.")
                }
                headers.append(("Authorization", "Bearer \(token)"))
            case let other?:
                throw reader.reject(
                    "executor_config.token_env must name an environment variable, not \(other).")
            }
            runtimeEnvironment = try Self.object(config, "runtime_env", reader)
            metadata = try Self.object(config, "metadata", reader)
            if let bad = metadata.first(where: { if case .string = $0.value { false } else { true } }) {
                throw reader.reject(
                    "executor_config.metadata.\(bad.key) must be a string, as Ray's job metadata is.")
            }
            prefix = try reader.string("prefix") ?? prefix
        }

        private static func object(
            _ config: [String: JSONValue], _ key: String, _ reader: NetworkConfigReader
        )
            throws(WeaveError) -> [String: JSONValue]
        {
            switch config[key] {
            case nil, .null?: return [:]
            case .object(let fields)?: return fields
            case let other?: throw reader.reject("executor_config.\(key) must be an object, not \(other).")
            }
        }
    }
#endif
