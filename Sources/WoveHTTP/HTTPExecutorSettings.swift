#if HTTP
    import Foundation
    import WoveNetwork
    import WoveRuntime

    /// The checked `executor_config` of an `http` or `https` environment (SPEC §15.3):
    ///
    /// - `url`: the worker service's URL, `http://` or `https://` (only `https://` for `https`);
    /// - `security`: see ``NetworkExecutorSecurity/init(configuration:environment:at:)``;
    /// - `headers`: extra request headers, an object of strings;
    /// - `timeout`: seconds one request may take, response included (default: no limit);
    /// - `insecure`: allow plain HTTP or no security to another machine, for development;
    /// - `ca_file`: a PEM file of the roots to trust for `https` instead of the system's.
    struct HTTPExecutorSettings: Sendable {
        static let keys = ["url", "security", "headers", "timeout", "insecure", "ca_file"]

        let url: URL
        let host: String
        let security: NetworkExecutorSecurity
        let headers: [(String, String)]
        let timeout: Duration?
        let insecure: Bool
        /// Roots to trust instead of the system's, as PEM.
        let trustRootsPEM: [UInt8]?

        var usesTLS: Bool { url.scheme?.lowercased() == "https" }

        init(
            url: URL, host: String, security: NetworkExecutorSecurity, headers: [(String, String)],
            timeout: Duration?, insecure: Bool, trustRootsPEM: [UInt8]?
        ) {
            self.url = url
            self.host = host
            self.security = security
            self.headers = headers
            self.timeout = timeout
            self.insecure = insecure
            self.trustRootsPEM = trustRootsPEM
        }

        /// Checks `config` for the executor `name`; errors name the key under `path`.
        init(_ config: [String: JSONValue], name: String, at path: String) throws(WeaveError) {
            let reader = try NetworkConfigReader(config, name: name, keys: Self.keys, at: path)
            let (url, host) = try reader.url(
                schemes: ["http", "https"],
                empty: "executor_config.url must be a non-empty HTTP or HTTPS URL.",
                invalid: "executor_config.url must be an HTTP or HTTPS URL.")
            if name == "https", url.scheme?.lowercased() != "https" {
                throw reader.reject("The https executor requires an https:// URL.")
            }
            let headers = try reader.headers()
            let timeout = try reader.duration("timeout")
            let insecure = try reader.insecure()
            let roots = try reader.trustRoots()
            self.init(
                url: url, host: host, security: try reader.security(), headers: headers, timeout: timeout,
                insecure: insecure, trustRootsPEM: roots)
        }
    }
#endif
