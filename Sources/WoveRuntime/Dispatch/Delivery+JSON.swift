extension Delivery {
    /// Decodes the `delivery` object of a `run_task` frame.
    public init(from decoder: any Decoder) throws {
        try self.init(fields: JSONObjectReader(try JSONValue(from: decoder), at: decoder.codingPath))
    }

    /// Encodes the fields that are set, with wove's names.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The `delivery` object: the fields that are set, with wove's names.
    var json: JSONValue {
        var fields: [String: JSONValue] = [:]
        if let timeoutSeconds { fields["delivery_timeout"] = .number(timeoutSeconds) }
        if let idempotencyKey { fields["delivery_idempotency_key"] = .string(idempotencyKey) }
        if let cancelMode { fields["delivery_cancel_mode"] = .string(cancelMode.rawValue) }
        if let heartbeatSeconds { fields["delivery_heartbeat_seconds"] = .number(heartbeatSeconds) }
        if let orphanPolicy { fields["delivery_orphan_policy"] = .string(orphanPolicy.rawValue) }
        return .object(fields)
    }

    /// The delivery in a `delivery` object; absent fields stay unset.
    init(fields: JSONObjectReader) throws {
        self.init(
            timeoutSeconds: try fields.optionalDouble("delivery_timeout"),
            idempotencyKey: try fields.optionalString("delivery_idempotency_key"),
            cancelMode: try fields.optionalChoice("delivery_cancel_mode", as: CancelMode.self),
            heartbeatSeconds: try fields.optionalDouble("delivery_heartbeat_seconds"),
            orphanPolicy: try fields.optionalChoice("delivery_orphan_policy", as: OrphanPolicy.self))
    }
}

extension Delivery {
    /// Writes ``json``'s text into `output`, without building it.
    func write(into output: inout [UInt8]) throws(JSONWriter.InvalidNumberError) {
        var object = JSONObjectWriter(&output)
        if let cancelMode { object.field("delivery_cancel_mode", string: cancelMode.rawValue, into: &output) }
        if let heartbeatSeconds {
            try object.field("delivery_heartbeat_seconds", .number(heartbeatSeconds), into: &output)
        }
        if let idempotencyKey {
            object.field("delivery_idempotency_key", string: idempotencyKey, into: &output)
        }
        if let orphanPolicy {
            object.field("delivery_orphan_policy", string: orphanPolicy.rawValue, into: &output)
        }
        if let timeoutSeconds { try object.field("delivery_timeout", .number(timeoutSeconds), into: &output) }
        object.end(&output)
    }
}
