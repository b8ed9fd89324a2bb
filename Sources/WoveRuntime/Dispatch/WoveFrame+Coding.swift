extension WoveFrame {
    enum CodingKeys: String, CodingKey {
        case type, weave, args, delivery, result, error, message
        case runID = "run_id"
        case taskID = "task_id"
        case cancelMode = "delivery_cancel_mode"
        case orphanPolicy = "delivery_orphan_policy"
    }

    /// Decodes a frame by its `type`; an unknown type is a `DecodingError` naming it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func run() throws -> String { try container.decode(String.self, forKey: .runID) }
        func task() throws -> String { try container.decode(String.self, forKey: .taskID) }
        switch type {
        case "run_task":
            self = .runTask(
                runID: try run(), taskID: try task(),
                weave: try container.decodeIfPresent(String.self, forKey: .weave),
                args: try container.decodeIfPresent([String: JSONValue].self, forKey: .args) ?? [:],
                delivery: try container.decodeIfPresent(Delivery.self, forKey: .delivery) ?? Delivery())
        case "cancel_task":
            self = .cancelTask(
                runID: try run(), taskID: try task(),
                cancelMode: try container.decodeIfPresent(Delivery.CancelMode.self, forKey: .cancelMode)
                    ?? .bestEffort,
                orphanPolicy: try container.decodeIfPresent(Delivery.OrphanPolicy.self, forKey: .orphanPolicy)
                    ?? .cancel)
        case "shutdown": self = .shutdown
        case "task_started": self = .taskStarted(runID: try run(), taskID: try task())
        case "task_result":
            self = .taskResult(
                runID: try run(), taskID: try task(),
                result: try container.decodeIfPresent(JSONValue.self, forKey: .result) ?? .null)
        case "task_error":
            self = .taskError(
                runID: try run(), taskID: try task(),
                error: try container.decode(RemoteError.self, forKey: .error))
        case "task_cancelled": self = .taskCancelled(runID: try run(), taskID: try task())
        case "heartbeat": self = .heartbeat(runID: try run(), taskID: try task())
        case "log": self = .log(message: try container.decode(String.self, forKey: .message))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Unknown frame type '\(type)'.")
        }
    }

    /// Encodes the frame with its `type` and wove's field names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .runTask(let runID, let taskID, let weave, let args, let delivery):
            try container.encode(runID, forKey: .runID)
            try container.encode(taskID, forKey: .taskID)
            try container.encodeIfPresent(weave, forKey: .weave)
            try container.encode(args, forKey: .args)
            try container.encode(delivery, forKey: .delivery)
        case .cancelTask(let runID, let taskID, let cancelMode, let orphanPolicy):
            try container.encode(runID, forKey: .runID)
            try container.encode(taskID, forKey: .taskID)
            try container.encode(cancelMode, forKey: .cancelMode)
            try container.encode(orphanPolicy, forKey: .orphanPolicy)
        case .shutdown:
            break
        case .taskStarted(let runID, let taskID), .taskCancelled(let runID, let taskID),
            .heartbeat(let runID, let taskID):
            try container.encode(runID, forKey: .runID)
            try container.encode(taskID, forKey: .taskID)
        case .taskResult(let runID, let taskID, let result):
            try container.encode(runID, forKey: .runID)
            try container.encode(taskID, forKey: .taskID)
            try container.encode(result, forKey: .result)
        case .taskError(let runID, let taskID, let error):
            try container.encode(runID, forKey: .runID)
            try container.encode(taskID, forKey: .taskID)
            try container.encode(error, forKey: .error)
        case .log(let message):
            try container.encode(message, forKey: .message)
        }
    }
}
