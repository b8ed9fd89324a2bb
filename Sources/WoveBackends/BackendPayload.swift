#if Backends
    import Foundation
    public import WoveRuntime

    /// What a backend job carries: one `run_task` and where to report it, as SPEC §17.5's payload
    /// with JSON arguments and the task's name in place of pickles.
    ///
    /// ```json
    /// {"version": 1, "adapter": "slurm", "callback_url": "http://127.0.0.1:40123/wove/events/…",
    ///  "run_id": "score:…", "task_id": "score", "task_name": "score", "weave": null,
    ///  "args": {"account": {"id": 42}}, "delivery": {}}
    /// ```
    ///
    /// Adapters hand it to the job unchanged: the executor has already put it in the job's
    /// environment (``BackendJob/environment``) as base64, or in a file when it is too large for one.
    public struct BackendPayload: Sendable, Equatable {
        /// The payload format's version: 1.
        public static let version = 1

        /// The executor's name (`slurm`, `ray`, or a custom adapter's).
        public var adapter: String
        /// Where the job POSTs its event frames.
        public var callbackURL: String
        /// How the job signs its callbacks: the `security` setting, which names its secret by
        /// environment variable (never the secret itself); `nil` when callbacks are not signed.
        public var callbackSecurity: JSONValue?
        /// The run to perform, a `run_task` frame.
        public var run: WoveFrame

        /// A payload for `run`.
        public init(adapter: String, callbackURL: String, callbackSecurity: JSONValue? = nil, run: WoveFrame)
        {
            self.adapter = adapter
            self.callbackURL = callbackURL
            self.callbackSecurity = callbackSecurity
            self.run = run
        }

        /// The payload as a JSON object.
        public var json: JSONValue {
            guard case .object(var fields) = run.json else { return .object([:]) }
            fields["type"] = nil
            if case .runTask(_, let taskID, _, _, _, _) = run { fields["task_name"] = .string(taskID) }
            fields["version"] = .integer(Self.version)
            fields["adapter"] = .string(adapter)
            fields["callback_url"] = .string(callbackURL)
            if let callbackSecurity { fields["callback_security"] = callbackSecurity }
            return .object(fields)
        }

        /// Base64 of the payload's compact JSON: what `WOVE_BACKEND_PAYLOAD` holds.
        public func encoded() throws -> String { Data(try json.serialized()).base64EncodedString() }

        /// The payload in `text`: its JSON, or the base64 of its JSON.
        ///
        /// - Throws: ``BackendPayloadError`` saying what is wrong.
        public init(decoding text: some Collection<UInt8>) throws(BackendPayloadError) {
            var bytes = Array(text)
            while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes.removeLast() }
            if bytes.first != UInt8(ascii: "{") {
                guard let decoded = Data(base64Encoded: Data(bytes)) else {
                    throw BackendPayloadError("the payload is neither JSON nor base64 of JSON")
                }
                bytes = Array(decoded)
            }
            let value: JSONValue
            do {
                value = try JSONValue(parsing: bytes)
            } catch {
                throw BackendPayloadError("the payload is not valid JSON: \(error)")
            }
            guard case .object(var fields) = value else {
                throw BackendPayloadError("the payload is not a JSON object")
            }
            guard fields["version"] == .integer(Self.version) else {
                throw BackendPayloadError(
                    "the payload's version is \(fields["version"]?.description ?? "missing"), not \(Self.version)"
                )
            }
            guard case .string(let callbackURL)? = fields["callback_url"], !callbackURL.isEmpty else {
                throw BackendPayloadError("the payload has no callback_url")
            }
            let adapter: String
            if case .string(let name)? = fields["adapter"] { adapter = name } else { adapter = "backend" }
            let security = fields["callback_security"]
            for key in ["version", "adapter", "callback_url", "callback_security", "task_name"] {
                fields[key] = nil
            }
            fields["type"] = .string("run_task")
            if fields["args"] == nil { fields["args"] = .object([:]) }
            let run: WoveFrame
            do {
                run = try WoveFrame(json: .object(fields))
            } catch {
                throw BackendPayloadError("the payload's run is not a run_task: \(error)")
            }
            self.init(
                adapter: adapter, callbackURL: callbackURL,
                callbackSecurity: security == .null ? nil : security,
                run: run)
        }
    }

    /// Why a payload could not be read.
    public struct BackendPayloadError: Error, CustomStringConvertible {
        /// What is wrong with it.
        public let description: String
        init(_ description: String) { self.description = "Invalid Wove backend payload: \(description)." }
    }
#endif
