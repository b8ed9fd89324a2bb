#if HTTP
    public import Foundation
    public import WoveNetwork
    public import WoveRuntime

    extension ExecutorProvider {
        /// Tasks run in an HTTP worker service (``HTTPWorkerService``, or any service speaking
        /// wove's protocol): each run is POSTed to `url`.
        ///
        /// - Parameters:
        ///   - url: The service's URL, `http://` or `https://`.
        ///   - security: How requests are authenticated (default: none, allowed only to this machine
        ///     or with `insecure`).
        ///   - headers: Extra request headers.
        ///   - timeout: How long one request may take, its response included (default: no limit).
        ///   - insecure: Allow plain HTTP or no security to another machine, for development.
        public static func http(
            url: URL, security: NetworkExecutorSecurity = .none(), headers: [String: String] = [:],
            timeout: Duration? = nil, insecure: Bool = false
        ) -> ExecutorProvider {
            network(
                name: "http", url: url, security: security, headers: headers, timeout: timeout,
                insecure: insecure, roots: nil)
        }

        /// Tasks run in an HTTPS worker service; as ``http(url:security:headers:timeout:insecure:)``,
        /// with `trustRootsPEM` the roots to trust instead of the system's (a PEM file's bytes).
        public static func https(
            url: URL, security: NetworkExecutorSecurity = .none(), headers: [String: String] = [:],
            timeout: Duration? = nil, trustRootsPEM: [UInt8]? = nil
        ) -> ExecutorProvider {
            network(
                name: "https", url: url, security: security, headers: headers, timeout: timeout,
                insecure: false, roots: trustRootsPEM)
        }

        private static func network(
            name: String, url: URL, security: NetworkExecutorSecurity, headers: [String: String],
            timeout: Duration?,
            insecure: Bool, roots: [UInt8]?
        ) -> ExecutorProvider {
            var configuration: [String: JSONValue] = [
                "url": .string(url.absoluteString), "insecure": .bool(insecure),
                "headers": .object(headers.mapValues(JSONValue.string)),
                "security": .string(security.mode.rawValue),
            ]
            if let timeout { configuration["timeout"] = .number(timeout.seconds) }
            let settings = HTTPExecutorSettings(
                url: url, host: url.host ?? "", security: security,
                headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, timeout: timeout,
                insecure: insecure,
                trustRootsPEM: roots)
            return ExecutorProvider(
                name: name, configuration: configuration,
                check: { configuration, path in
                    var checked = configuration
                    checked["security"] = nil
                    _ = try HTTPExecutorSettings(checked, name: name, at: path)
                },
                makeExecutor: { HTTPExecutor(name: name, preset: settings) })
        }

        /// Lets `wove_config.json` use the executor names `http` and `https`. Call it once, before
        /// loading a configuration that names them.
        public static func registerHTTPExecutors() {
            for name in ["http", "https"] {
                register(name) { configuration, path in
                    _ = try HTTPExecutorSettings(configuration, name: name, at: "\(path).executor_config")
                    return ExecutorProvider(
                        name: name, configuration: configuration,
                        check: { configuration, path in
                            _ = try HTTPExecutorSettings(configuration, name: name, at: path)
                        },
                        makeExecutor: { HTTPExecutor(name: name, preset: nil) })
                }
            }
        }
    }
#endif
