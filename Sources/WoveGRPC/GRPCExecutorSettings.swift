#if GRPC
    import Foundation
    import WoveNetwork
    import WoveRuntime

    /// The checked `executor_config` of a `grpc` environment (SPEC §15.4):
    ///
    /// - `target`: the service, `host:port` or any form ``GRPCTarget`` reads;
    /// - `method`: the unary method's path (default `/wove.network_executor.WorkerService/Send`);
    /// - `timeout`: seconds one call may take (default: no limit);
    /// - `metadata`: extra metadata, an object of strings or a list of `[name, value]` pairs;
    /// - `security`: see `NetworkExecutorSecurity.init(configuration:environment:at:)`;
    /// - `secure`: `true` for TLS, trusting the system's roots unless told otherwise;
    /// - `root_certificates`: with `secure`, the roots to trust instead, as a PEM string (Python's key);
    /// - `ca_file`: with `secure`, a PEM file of the roots to trust instead;
    /// - `insecure`: allow plain text or no security to another machine, for development.
    struct GRPCExecutorSettings: Sendable {
        static let keys = [
            "target", "method", "timeout", "metadata", "security", "secure", "ca_file", "insecure",
        ]
        /// The method Python wove's executor calls unless told otherwise.
        static let defaultMethod = "/wove.network_executor.WorkerService/Send"

        let targetText: String
        let target: GRPCTarget
        let method: String
        let timeout: Duration?
        let metadata: [(String, String)]
        let security: NetworkExecutorSecurity
        let usesTLS: Bool
        let trustRootsPEM: [UInt8]?
        let insecure: Bool

        init(
            target targetText: String, target: GRPCTarget, method: String, timeout: Duration?,
            metadata: [(String, String)], security: NetworkExecutorSecurity, usesTLS: Bool,
            trustRootsPEM: [UInt8]?, insecure: Bool
        ) {
            self.targetText = targetText
            self.target = target
            self.method = method
            self.timeout = timeout
            self.metadata = metadata
            self.security = security
            self.usesTLS = usesTLS
            self.trustRootsPEM = trustRootsPEM
            self.insecure = insecure
        }

        /// Checks `config`; errors name the key under `path`.
        init(_ config: [String: JSONValue], at path: String) throws(WeaveError) {
            let reader = try NetworkConfigReader(config, name: "grpc", keys: Self.keys, at: path)
            guard case .string(let text)? = config["target"], !text.isEmpty else {
                throw reader.reject("executor_config.target must be a non-empty gRPC target.")
            }
            var method = Self.defaultMethod
            switch config["method"] {
            case nil, .null?: break
            case .string(let path)? where path.hasPrefix("/"): method = path
            default: throw reader.reject("executor_config.method must be a fully-qualified gRPC method path.")
            }
            var metadata: [(String, String)] = []
            switch config["metadata"] {
            case nil, .null?: break
            case .object(let fields)?:
                metadata = fields.sorted { $0.key < $1.key }.map { ($0.key, Self.text(of: $0.value)) }
            case .array(let pairs)?:
                for pair in pairs {
                    guard case .array(let items) = pair, items.count == 2, case .string(let name) = items[0]
                    else {
                        throw reader.reject(
                            "executor_config.metadata must be a dictionary or sequence of pairs.")
                    }
                    metadata.append((name, Self.text(of: items[1])))
                }
            default:
                throw reader.reject("executor_config.metadata must be a dictionary or sequence of pairs.")
            }
            let timeout = try reader.duration("timeout")
            let usesTLS: Bool
            switch config["secure"] {
            case nil, .null?: usesTLS = false
            case .bool(let secure)?: usesTLS = secure
            default: throw reader.reject("executor_config.secure must be true or false.")
            }
            var roots = try reader.trustRoots()
            switch config["root_certificates"] {
            case nil, .null?: break
            case .string(let pem)?: roots = Array(pem.utf8)
            default: throw reader.reject("executor_config.root_certificates must be PEM text.")
            }
            guard let target = GRPCTarget(text, secure: usesTLS) else {
                throw reader.reject("executor_config.target '\(text)' names no host.")
            }
            let insecure = try reader.insecure()
            self.init(
                target: text, target: target, method: method, timeout: timeout, metadata: metadata,
                security: try reader.security(), usesTLS: usesTLS, trustRootsPEM: roots, insecure: insecure)
        }

        private static func text(of value: JSONValue) -> String {
            if case .string(let text) = value { return text }
            return value.description
        }
    }
#endif
