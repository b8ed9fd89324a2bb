#if HTTP || WebSocket || GRPC || Backends
    public import WoveRuntime
    public import Foundation

    extension NetworkExecutorSecurity {
        /// Security from an `executor_config.security` value, in Python wove's forms:
        ///
        /// - absent, `null` or `"none"`: no security;
        /// - `"env:VARIABLE"`: signed, with the secret in that environment variable;
        /// - an object with `type` (`signed` by default, `bearer`, `none`), and `secret` or
        ///   `secret_env`, `key`, `clock_skew_seconds`, `remember_nonces` for `signed`, `token` or
        ///   `token_env` for `bearer`.
        ///
        /// - Parameters:
        ///   - configuration: The value.
        ///   - environment: Where `env:` and `*_env` names are looked up (default: this process's).
        ///   - path: Where the value came from, for error messages (`environments.remote.executor_config`).
        /// - Throws: `WeaveError` with code `invalidConfiguration` and Python wove's message,
        ///   prefixed with `path`.
        public convenience init(
            configuration: JSONValue?,
            environment: [String: String] = ProcessInfo.processInfo.environment,
            at path: String = "executor_config"
        ) throws(WeaveError) {
            func reject(_ message: String) -> WeaveError {
                WeaveError(.invalidConfiguration, "\(path).security: \(message)")
            }
            func variable(_ name: String, what: String) throws(WeaveError) -> String {
                guard let value = environment[name], !value.isEmpty else {
                    throw reject("network executor \(what) environment variable '\(name)' is not set.")
                }
                return value
            }
            switch configuration {
            case nil, .null?, .string("none")?:
                try self.init(mode: .none)
            case .string(let text)? where text.hasPrefix("env:"):
                let name = String(text.dropFirst(4))
                guard !name.isEmpty else {
                    throw reject("network executor security env reference must name an environment variable.")
                }
                try self.init(mode: .signed, secret: Array(try variable(name, what: "security secret").utf8))
            case .string?:
                throw reject("executor_config.security string must be 'none' or 'env:VARIABLE'.")
            case .object(let fields)?:
                try self.init(fields: fields, variable: variable, reject: reject)
            case .some:
                throw reject("executor_config.security must be a dictionary, 'env:VARIABLE', or 'none'.")
            }
        }

        private convenience init(
            fields: [String: JSONValue],
            variable: (String, String) throws(WeaveError) -> String,
            reject: (String) -> WeaveError
        ) throws(WeaveError) {
            func string(_ name: String) throws(WeaveError) -> String? {
                switch fields[name] {
                case nil, .null?: return nil
                case .string(let text)?: return text
                case let other?: throw reject("\(name) must be a string, not \(other).")
                }
            }
            switch try string("type") ?? "signed" {
            case "none":
                try self.init(mode: .none)
            case "bearer":
                var token = try string("token")
                if token == nil, let name = try string("token_env") {
                    token = try variable(name, "bearer token")
                }
                guard token != nil else { throw reject("bearer network executor security requires a token.") }
                try self.init(mode: .bearer, token: token)
            case "signed":
                var secret = try string("secret")
                if secret == nil, let name = try string("secret_env") {
                    secret = try variable(name, "security secret")
                }
                guard secret != nil else {
                    throw reject("signed network executor security requires a secret.")
                }
                let skew: Duration
                switch fields["clock_skew_seconds"] {
                case nil, .null?: skew = .seconds(300)
                case .integer(let seconds)? where seconds >= 0:
                    skew = Duration(checkedSeconds: Double(seconds)) ?? .seconds(300)
                case .number(let seconds)? where seconds >= 0 && Duration(checkedSeconds: seconds) != nil:
                    skew = .seconds(seconds)
                case let other?:
                    throw reject("clock_skew_seconds must be a non-negative number of seconds, not \(other).")
                }
                let remember: Bool
                switch fields["remember_nonces"] {
                case nil, .null?: remember = true
                case .bool(let value)?: remember = value
                case let other?: throw reject("remember_nonces must be true or false, not \(other).")
                }
                try self.init(
                    mode: .signed, secret: secret.map { Array($0.utf8) }, key: try string("key") ?? "default",
                    clockSkew: skew, remembersNonces: remember)
            default:
                throw reject("executor_config.security.type must be one of: 'signed', 'bearer', 'none'.")
            }
        }
    }
#endif
