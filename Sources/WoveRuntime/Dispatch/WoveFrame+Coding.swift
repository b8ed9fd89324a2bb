extension WoveFrame {
    /// Decodes a frame by its `type`; an unknown type is a `DecodingError` naming it.
    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder))
    }

    /// Encodes the frame with its `type` and wove's field names.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The frame as a JSON object with wove's field names; optional fields left unset are left out.
    package var json: JSONValue {
        var fields: [String: JSONValue] = ["type": .string(type)]
        func run(_ runID: String, _ taskID: String) {
            fields["run_id"] = .string(runID)
            fields["task_id"] = .string(taskID)
        }
        switch self {
        case .runTask(let runID, let taskID, let weave, let args, let delivery, let trace):
            run(runID, taskID)
            if let weave { fields["weave"] = .string(weave) }
            fields["args"] = .object(args)
            fields["delivery"] = delivery.json
            if let trace { fields["trace"] = trace.json }
        case .cancelTask(let runID, let taskID, let cancelMode, let orphanPolicy):
            run(runID, taskID)
            fields["delivery_cancel_mode"] = .string(cancelMode.rawValue)
            fields["delivery_orphan_policy"] = .string(orphanPolicy.rawValue)
        case .shutdown:
            break
        case .taskStarted(let runID, let taskID), .taskCancelled(let runID, let taskID),
            .heartbeat(let runID, let taskID):
            run(runID, taskID)
        case .taskResult(let runID, let taskID, let result):
            run(runID, taskID)
            fields["result"] = result
        case .taskError(let runID, let taskID, let error):
            run(runID, taskID)
            fields["error"] = error.json
        case .log(let message):
            fields["message"] = .string(message)
        }
        return .object(fields)
    }

    /// The frame `json` holds, read by its `type`.
    ///
    /// - Throws: a `DecodingError` naming the missing or mistyped field, or the unknown type.
    package init(json: JSONValue) throws {
        try self.init(fields: JSONObjectReader(json))
    }

    /// The frame whose fields `fields` reads.
    init(fields: JSONObjectReader) throws {
        let type = try fields.string("type")
        func run() throws -> String { try fields.string("run_id") }
        func task() throws -> String { try fields.string("task_id") }
        switch type {
        case "run_task":
            let args: [String: JSONValue]
            switch fields.value("args") {
            case nil: args = [:]
            case .object(let object)?: args = object
            case let other?:
                throw DecodingError.typeMismatch(
                    [String: JSONValue].self,
                    .init(
                        codingPath: [NameKey("args")], debugDescription: "Expected an object, found \(other)."
                    ))
            }
            self = .runTask(
                runID: try run(), taskID: try task(), weave: try fields.optionalString("weave"), args: args,
                delivery: try fields.object("delivery").map(Delivery.init(fields:)) ?? Delivery(),
                // A malformed context is dropped, not refused: the run goes on untraced.
                trace: fields.value("trace").flatMap(TraceContext.init(json:)))
        case "cancel_task":
            self = .cancelTask(
                runID: try run(), taskID: try task(),
                cancelMode: try fields.optionalChoice("delivery_cancel_mode", as: Delivery.CancelMode.self)
                    ?? .bestEffort,
                orphanPolicy: try fields.optionalChoice(
                    "delivery_orphan_policy", as: Delivery.OrphanPolicy.self)
                    ?? .cancel)
        case "shutdown": self = .shutdown
        case "task_started": self = .taskStarted(runID: try run(), taskID: try task())
        case "task_result":
            self = .taskResult(runID: try run(), taskID: try task(), result: fields.value("result") ?? .null)
        case "task_error":
            guard let error = fields.value("error") else { throw fields.missing("error") }
            self = .taskError(runID: try run(), taskID: try task(), error: RemoteError(json: error))
        case "task_cancelled": self = .taskCancelled(runID: try run(), taskID: try task())
        case "heartbeat": self = .heartbeat(runID: try run(), taskID: try task())
        case "log": self = .log(message: try fields.string("message"))
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: [NameKey("type")], debugDescription: "Unknown frame type '\(type)'."))
        }
    }
}

extension WoveFrame {
    /// The frame as compact JSON text, exactly as ``json`` serializes (keys sorted), written
    /// directly: no tree of the envelope is built on the way.
    ///
    /// - Throws: for a number JSON cannot hold in its arguments or result.
    package func serialized() throws -> [UInt8] {
        var output: [UInt8] = []
        // Room for a tiny run's frames and the line's newline, so that none grows while written.
        output.reserveCapacity(256)
        var object = JSONObjectWriter(&output)
        func run(_ runID: String, _ taskID: String) {
            object.field("run_id", string: runID, into: &output)
            object.field("task_id", string: taskID, into: &output)
        }
        switch self {
        case .runTask(let runID, let taskID, let weave, let args, let delivery, let trace):
            try object.field("args", .object(args), into: &output)
            object.begin("delivery", &output)
            try delivery.write(into: &output)
            run(runID, taskID)
            if let trace { try object.field("trace", trace.json, into: &output) }
            object.field("type", name: kind.name, into: &output)
            if let weave { object.field("weave", string: weave, into: &output) }
        case .cancelTask(let runID, let taskID, let cancelMode, let orphanPolicy):
            object.field("delivery_cancel_mode", string: cancelMode.rawValue, into: &output)
            object.field("delivery_orphan_policy", string: orphanPolicy.rawValue, into: &output)
            run(runID, taskID)
            object.field("type", name: kind.name, into: &output)
        case .shutdown:
            object.field("type", name: kind.name, into: &output)
        case .taskStarted(let runID, let taskID), .taskCancelled(let runID, let taskID),
            .heartbeat(let runID, let taskID):
            run(runID, taskID)
            object.field("type", name: kind.name, into: &output)
        case .taskResult(let runID, let taskID, let result):
            try object.field("result", result, into: &output)
            run(runID, taskID)
            object.field("type", name: kind.name, into: &output)
        case .taskError(let runID, let taskID, let error):
            try object.field("error", error.json, into: &output)
            run(runID, taskID)
            object.field("type", name: kind.name, into: &output)
        case .log(let message):
            object.field("message", string: message, into: &output)
            object.field("type", name: kind.name, into: &output)
        }
        object.end(&output)
        return output
    }
}

extension WoveFrame {
    /// The event as JSON text, as ``serialized()`` writes it; a result that JSON cannot hold (a
    /// number out of its range) becomes the run's `task_error` instead, so the run still ends
    /// rather than waiting for a frame that was never sent. What every worker sends its events with.
    ///
    /// - Throws: for an unwritable frame that is not a result.
    package func serializedEvent() throws -> [UInt8] {
        do {
            return try serialized()
        } catch {
            guard case .taskResult(let runID, let taskID, _) = self else { throw error }
            return try WoveFrame.taskError(
                runID: runID, taskID: taskID,
                error: RemoteError(
                    kind: "UnencodableResult", message: "The result could not be written as JSON: \(error).",
                    source: .task)
            ).serialized()
        }
    }
}
