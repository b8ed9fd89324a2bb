#if Backends
    import Foundation
    import WoveNetwork
    import WoveRuntime

    /// The `executor_config` settings every backend executor shares, next to its adapter's own:
    ///
    /// - `command`: what a job runs (an array of strings, or one string split like a shell
    ///   command line); by default this executable, which runs the job's task in
    ///   `WoveWorker.runIfRequested()`. Jobs on other hosts need the same path there.
    /// - `callback_host`, `callback_port`: where the callback server listens (`127.0.0.1`, an
    ///   ephemeral port); `callback_url`: the URL jobs on other hosts reach it at (a base URL, under
    ///   which `/wove/events/<token>` goes, or a whole one with that path);
    ///   `callback_token`: the secret part of its path (random by default).
    /// - `security`: how jobs sign their callbacks, in the network executors' forms, with its
    ///   secret named by environment variable (`"env:VARIABLE"`, `secret_env`, `token_env`), which
    ///   the job reads from its own environment; `insecure`: allow an unsigned callback server
    ///   listening beyond this machine.
    /// - `poll_interval`: seconds between asking the scheduler about jobs that have not finished
    ///   (default 2); a job that ended without reporting fails its run one interval later.
    /// - `max_callback_bytes`: the largest callback accepted (default 16 MiB).
    /// - `payload_directory`: where payloads too large for an environment variable are written
    ///   (default: the temporary directory); jobs must be able to read it.
    struct BackendSettings: Sendable {
        static let keys = [
            "command", "callback_host", "callback_port", "callback_url", "callback_token", "security",
            "insecure", "poll_interval", "max_callback_bytes", "payload_directory",
        ]
        /// The largest base64 payload passed in an environment variable: Linux allows 128 KiB per
        /// variable, the name and `=` included.
        static let inlinePayloadLimit = 120 << 10

        var command: [String]
        var callbacks: CallbackServer.Settings
        /// The `security` setting as written, handed to jobs in their payload.
        var callbackSecurity: JSONValue?
        var pollInterval: Duration
        var payloadDirectory: String

        /// Reads `config` for the executor `name`, whose adapter adds `adapterKeys`; errors name
        /// the key under `path`.
        init(_ config: [String: JSONValue], name: String, adapterKeys: [String], at path: String)
            throws(WeaveError)
        {
            let reader = try NetworkConfigReader(config, name: name, keys: Self.keys + adapterKeys, at: path)
            command =
                try StdioConfiguration.command(config["command"], at: path) ?? [
                    StdioConfiguration.currentExecutable
                ]
            var callbacks = CallbackServer.Settings()
            if let host = try reader.string("callback_host") { callbacks.host = host }
            switch config["callback_port"] {
            case nil, .null?: break
            case .integer(let port)? where (0...65_535).contains(port): callbacks.port = port
            case let other?:
                throw reader.reject(
                    "executor_config.callback_port must be a port from 0 to 65535, not \(other).")
            }
            if let url = try reader.string("callback_url") {
                guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""),
                    parsed.host != nil
                else {
                    throw reader.reject(
                        "executor_config.callback_url must be an http:// or https:// URL, not '\(url)'.")
                }
                callbacks.publicURL = url
            }
            if let token = try reader.string("callback_token") {
                guard token.count >= 16,
                    token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
                else {
                    throw reader.reject(
                        "executor_config.callback_token must be at least 16 letters, digits, '-' or '_'.")
                }
                callbacks.token = token
            }
            callbackSecurity = config["security"].flatMap { $0 == .null ? nil : $0 }
            if case .object(let fields)? = callbackSecurity, fields["secret"] != nil || fields["token"] != nil
            {
                throw reader.reject(
                    "security must name its secret by environment variable (secret_env, token_env or "
                        + "'env:VARIABLE'): jobs read it from their own environment, and the payload never carries it."
                )
            }
            callbacks.security = try reader.security()
            let insecure = try reader.insecure()
            if !insecure, !NetworkEndpoint.isLocal(host: callbacks.host), callbacks.security.mode == .none {
                throw reader.reject(
                    "the callback server listens on \(callbacks.host), beyond this machine, without security: "
                        + "set executor_config.security (e.g. 'env:VARIABLE') or executor_config.insecure=true for development."
                )
            }
            pollInterval = try reader.duration("poll_interval") ?? .seconds(2)
            switch config["max_callback_bytes"] {
            case nil, .null?: break
            case .integer(let bytes)? where bytes >= 1024: callbacks.maximumBodySize = bytes
            case let other?:
                throw reader.reject(
                    "executor_config.max_callback_bytes must be a whole number of at least 1024, not \(other)."
                )
            }
            payloadDirectory =
                try reader.string("payload_directory")
                ?? FileManager.default.temporaryDirectory.path
            self.callbacks = callbacks
        }
    }
#endif
