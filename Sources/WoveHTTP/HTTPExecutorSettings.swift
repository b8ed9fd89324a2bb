#if HTTP
    import Foundation
    import NIOSSL
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
            func reject(_ message: String) -> WeaveError {
                WeaveError(.invalidConfiguration, "\(path): \(message)")
            }
            if let unknown = config.keys.sorted().first(where: { !Self.keys.contains($0) }) {
                throw reject(
                    "\(unknown) is not a setting of the \(name) executor. Its settings: \(Self.keys.joined(separator: ", "))."
                )
            }
            guard case .string(let text)? = config["url"], !text.isEmpty else {
                throw reject("executor_config.url must be a non-empty HTTP or HTTPS URL.")
            }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                let host = url.host, !host.isEmpty
            else { throw reject("executor_config.url must be an HTTP or HTTPS URL.") }
            if name == "https", scheme != "https" {
                throw reject("The https executor requires an https:// URL.")
            }
            var headers: [(String, String)] = []
            switch config["headers"] {
            case nil, .null?: break
            case .object(let fields)?:
                for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                    if case .string(let text) = value {
                        headers.append((field, text))
                    } else {
                        headers.append((field, value.description))
                    }
                }
            default: throw reject("executor_config.headers must be a dictionary.")
            }
            var timeout: Duration?
            if let value = config["timeout"], value != .null {
                let seconds: Double? =
                    switch value {
                    case .integer(let seconds): Double(seconds)
                    case .number(let seconds): seconds
                    default: nil
                    }
                guard let seconds, seconds > 0, let limit = Duration(checkedSeconds: seconds) else {
                    throw reject("executor_config.timeout must be a positive number of seconds.")
                }
                timeout = limit
            }
            let insecure: Bool
            switch config["insecure"] {
            case nil, .null?: insecure = false
            case .bool(let value)?: insecure = value
            default: throw reject("executor_config.insecure must be true or false.")
            }
            var roots: [UInt8]?
            switch config["ca_file"] {
            case nil, .null?: break
            case .string(let file)?:
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw reject("executor_config.ca_file '\(file)' cannot be read.")
                }
                roots = Array(data)
            default: throw reject("executor_config.ca_file must be the path of a PEM file.")
            }
            self.init(
                url: url, host: host,
                security: try NetworkExecutorSecurity(configuration: config["security"], at: path),
                headers: headers, timeout: timeout, insecure: insecure, trustRootsPEM: roots)
        }

        /// The TLS configuration of the client: the system's roots, or only `ca_file`'s.
        func tlsConfiguration() throws -> TLSConfiguration {
            var tls = TLSConfiguration.makeClientConfiguration()
            if let trustRootsPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(trustRootsPEM))
            }
            return tls
        }
    }
#endif
