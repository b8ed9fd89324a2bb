extension RemoteError {
    /// Decodes a payload leniently, as wove's runtime does: a worker in another language may
    /// leave fields out, so a missing `kind` is `ExecutionError`, a missing `message` is
    /// `Task execution failed.`, a missing `retryable` is `false`, and a missing `source` is
    /// `executor`. An `error` that is not an object becomes the message.
    public init(from decoder: any Decoder) throws {
        self.init(json: try JSONValue(from: decoder))
    }

    /// Encodes the payload with wove's field names.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The `error` object of a `task_error` frame.
    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "kind": .string(kind), "message": .string(message), "retryable": .bool(retryable),
            "source": .string(source.rawValue),
        ]
        if let traceback { fields["traceback"] = .string(traceback) }
        return .object(fields)
    }

    /// The payload in `json`, read leniently (see ``init(from:)``).
    init(json: JSONValue) {
        guard let fields = try? JSONObjectReader(json) else {
            let message: String
            if case .string(let text) = json { message = text } else { message = json.compactText }
            self.init(kind: "ExecutionError", message: message, source: .executor)
            return
        }
        self.init(
            kind: (try? fields.optionalString("kind")) ?? "ExecutionError",
            message: (try? fields.optionalString("message")) ?? "Task execution failed.",
            traceback: try? fields.optionalString("traceback"),
            retryable: (try? fields.optionalBool("retryable")) ?? false,
            source: (try? fields.optionalString("source")).map(Source.init(rawValue:)) ?? .executor)
    }
}
