#if HTTP || WebSocket || GRPC || Backends
    package import Foundation
    package import WoveRuntime

    /// Reads the `executor_config` settings every network executor shares, with Python wove's
    /// messages (SPEC §15), each prefixed by where the setting came from.
    package struct NetworkConfigReader {
        private let config: [String: JSONValue]
        private let path: String

        /// A reader of `config`, found at `path`, for the executor `name`; throws for a key that is
        /// not in `keys`.
        package init(_ config: [String: JSONValue], name: String, keys: [String], at path: String)
            throws(WeaveError)
        {
            self.config = config
            self.path = path
            if let unknown = config.keys.sorted().first(where: { !keys.contains($0) }) {
                throw reject(
                    "\(unknown) is not a setting of the \(name) executor. Its settings: \(keys.joined(separator: ", "))."
                )
            }
        }

        /// The error for a bad setting: `message`, after the setting's path.
        package func reject(_ message: String) -> WeaveError {
            WeaveError(.invalidConfiguration, "\(path): \(message)")
        }

        /// `url`, whose scheme must be one of `schemes` and which must have a host; `empty` and
        /// `invalid` are the messages for a missing and a malformed URL.
        package func url(schemes: Set<String>, empty: String, invalid: String) throws(WeaveError) -> (
            url: URL, host: String
        ) {
            guard case .string(let text)? = config["url"], !text.isEmpty else { throw reject(empty) }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                schemes.contains(scheme),
                let host = url.host, !host.isEmpty
            else { throw reject(invalid) }
            return (url, host)
        }

        /// `headers`: an object whose values are sent as text, sorted by name.
        package func headers() throws(WeaveError) -> [(String, String)] {
            switch config["headers"] {
            case nil, .null?: return []
            case .object(let fields)?:
                return fields.sorted { $0.key < $1.key }.map { field, value in
                    if case .string(let text) = value { return (field, text) }
                    return (field, value.description)
                }
            default: throw reject("executor_config.headers must be a dictionary.")
            }
        }

        /// A non-empty string under `key`, if set.
        package func string(_ key: String) throws(WeaveError) -> String? {
            switch config[key] {
            case nil, .null?: return nil
            case .string(let text)? where !text.isEmpty: return text
            case let other?: throw reject("executor_config.\(key) must be a non-empty string, not \(other).")
            }
        }

        /// A positive number of seconds under `key`, if set.
        package func duration(_ key: String) throws(WeaveError) -> Duration? {
            guard let value = config[key], value != .null else { return nil }
            let seconds: Double? =
                switch value {
                case .integer(let seconds): Double(seconds)
                case .number(let seconds): seconds
                default: nil
                }
            guard let seconds, seconds > 0, let limit = Duration(checkedSeconds: seconds) else {
                throw reject("executor_config.\(key) must be a positive number of seconds.")
            }
            return limit
        }

        /// `insecure`: false unless set to true.
        package func insecure() throws(WeaveError) -> Bool {
            switch config["insecure"] {
            case nil, .null?: return false
            case .bool(let value)?: return value
            default: throw reject("executor_config.insecure must be true or false.")
            }
        }

        /// The bytes of the PEM file `ca_file` names, if set.
        package func trustRoots() throws(WeaveError) -> [UInt8]? {
            switch config["ca_file"] {
            case nil, .null?: return nil
            case .string(let file)?:
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw reject("executor_config.ca_file '\(file)' cannot be read.")
                }
                return Array(data)
            default: throw reject("executor_config.ca_file must be the path of a PEM file.")
            }
        }

        /// `security`, as ``NetworkExecutorSecurity/init(configuration:environment:at:)`` reads it.
        package func security() throws(WeaveError) -> NetworkExecutorSecurity {
            try NetworkExecutorSecurity(configuration: config["security"], at: path)
        }
    }
#endif
