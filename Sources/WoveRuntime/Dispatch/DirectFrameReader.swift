/// Reads a frame of the usual shape straight from its text into a ``WoveFrame``: each field by
/// its key's bytes, the `delivery` object into its settings, with no envelope of fields, no
/// dictionary for `delivery` and no field looked up by name. Every remote run sends at least
/// three frames, so this is the hot path of every transport.
///
/// It reads only what it can read exactly as ``FrameEnvelope/frame()`` would: every field known
/// for the frame's type, each at most once and of its expected JSON type, an optional one
/// perhaps `null` (absent). Anything else — an unknown or repeated field, a required field that
/// is `null` or missing, a `null` or unknown delivery setting, text that is not JSON — gives
/// `nil`, and the caller reads the text the general way, which gives the frame or the error it
/// always gave.
package enum DirectFrameReader {
    /// The frame in `text`, or `nil` when it is not of the usual shape (see above).
    package static func frame(in text: [UInt8]) -> WoveFrame? {
        try? JSONParser.reading(text) { parser throws(JSONParser.SyntaxError) in
            guard parser.nextIsObject else { throw unusual(parser) }
            var fields = Fields()
            try parser.readObject { key, parser throws(JSONParser.SyntaxError) in
                try fields.read(Field(key), from: &parser)
            }
            guard let frame = fields.frame() else { throw unusual(parser) }
            return frame
        }
    }

    /// How a frame that is not of the usual shape stops the reading; never shown.
    private static func unusual(_ parser: JSONParser) -> JSONParser.SyntaxError {
        parser.error("Not a frame of the usual shape")
    }

    /// The fields a frame may have.
    private enum Field: Int, CaseIterable {
        case type, runID, taskID, weave, args, delivery, trace, result, error, message, cancelMode,
            orphanPolicy

        /// Every field, made once.
        static let all = allCases

        /// The field's bit in a set of fields (`Fields.seen`, the fields a frame type allows).
        var bit: UInt16 { 1 << rawValue }

        /// The field's key.
        var name: StaticString {
            switch self {
            case .type: "type"
            case .runID: "run_id"
            case .taskID: "task_id"
            case .weave: "weave"
            case .args: "args"
            case .delivery: "delivery"
            case .trace: "trace"
            case .result: "result"
            case .error: "error"
            case .message: "message"
            case .cancelMode: "delivery_cancel_mode"
            case .orphanPolicy: "delivery_orphan_policy"
            }
        }

        /// The field `key` names; `nil` for any other key.
        init?(_ key: JSONKey) {
            guard let field = Field.all.first(where: { key.is($0.name) }) else { return nil }
            self = field
        }
    }

    /// The fields a frame of `type` may have, a ``Field/bit`` each.
    private static func fields(of type: FrameType) -> UInt16 {
        let fields: [Field] =
            switch type {
            case .runTask: [.type, .runID, .taskID, .weave, .args, .delivery, .trace]
            case .cancelTask: [.type, .runID, .taskID, .cancelMode, .orphanPolicy]
            case .shutdown: [.type]
            case .taskStarted, .taskCancelled, .heartbeat: [.type, .runID, .taskID]
            case .taskResult: [.type, .runID, .taskID, .result]
            case .taskError: [.type, .runID, .taskID, .error]
            case .log: [.type, .message]
            }
        return fields.reduce(0) { $0 | $1.bit }
    }

    /// The fields each frame type may have, by the type's raw value, worked out once.
    private static let allowedFields = FrameType.all.map(fields(of:))

    /// What has been read so far.
    private struct Fields {
        var type: FrameType?
        var runID: String?
        var taskID: String?
        var weave: String?
        var args: [String: JSONValue]?
        var delivery: Delivery?
        var trace: JSONValue?
        var result: JSONValue?
        var error: JSONValue?
        var message: String?
        var cancelMode: Delivery.CancelMode?
        var orphanPolicy: Delivery.OrphanPolicy?
        /// The fields read, a ``Field/bit`` each, to see a repeated one.
        var seen: UInt16 = 0

        /// Reads the value of `field` (`nil`: an unknown key), which must be new and of its type.
        mutating func read(_ field: Field?, from parser: inout JSONParser) throws(JSONParser.SyntaxError) {
            guard let field, seen & field.bit == 0 else { throw unusual(parser) }
            seen |= field.bit
            switch field {
            case .type:
                guard parser.current == UInt8(ascii: "\""), let known = FrameType(named: try parser.key())
                else {
                    throw unusual(parser)
                }
                type = known
            case .runID: runID = try string(&parser)
            case .taskID: taskID = try string(&parser)
            case .message: message = try string(&parser)
            case .error: error = try value(&parser)
            case .result: result = try parser.value()
            // An optional field given as `null` is absent, as the general reading has it.
            case _ where try skipsNull(&parser): break
            case .weave: weave = try string(&parser)
            case .cancelMode: cancelMode = try choice(&parser)
            case .orphanPolicy: orphanPolicy = try choice(&parser)
            case .args:
                guard parser.nextIsObject, case .object(let object) = try parser.value() else {
                    throw unusual(parser)
                }
                args = object
            case .delivery: delivery = try DirectFrameReader.delivery(&parser)
            case .trace: trace = try parser.value()
            }
        }

        /// The frame the fields make, if they are exactly the fields of its type.
        func frame() -> WoveFrame? {
            guard let type, seen & ~DirectFrameReader.allowedFields[type.rawValue] == 0 else { return nil }
            switch type {
            case .runTask:
                guard let runID, let taskID else { return nil }
                return .runTask(
                    runID: runID, taskID: taskID, weave: weave, args: args ?? [:],
                    delivery: delivery ?? Delivery(),
                    trace: trace.flatMap(TraceContext.init(json:)))
            case .cancelTask:
                guard let runID, let taskID else { return nil }
                return .cancelTask(
                    runID: runID, taskID: taskID, cancelMode: cancelMode ?? .bestEffort,
                    orphanPolicy: orphanPolicy ?? .cancel)
            case .shutdown: return .shutdown
            case .taskStarted, .taskCancelled, .heartbeat:
                guard let runID, let taskID else { return nil }
                switch type {
                case .taskStarted: return .taskStarted(runID: runID, taskID: taskID)
                case .taskCancelled: return .taskCancelled(runID: runID, taskID: taskID)
                default: return .heartbeat(runID: runID, taskID: taskID)
                }
            case .taskResult:
                guard let runID, let taskID else { return nil }
                return .taskResult(runID: runID, taskID: taskID, result: result ?? .null)
            case .taskError:
                guard let runID, let taskID, let error else { return nil }
                return .taskError(runID: runID, taskID: taskID, error: RemoteError(json: error))
            case .log:
                guard let message else { return nil }
                return .log(message: message)
            }
        }
    }

    /// The string that comes next.
    private static func string(_ parser: inout JSONParser) throws(JSONParser.SyntaxError) -> String {
        guard parser.current == UInt8(ascii: "\"") else { throw unusual(parser) }
        return try parser.string()
    }

    /// Whether the value that comes next is `null`; if so, it has been read.
    private static func skipsNull(_ parser: inout JSONParser) throws(JSONParser.SyntaxError) -> Bool {
        guard parser.current == UInt8(ascii: "n") else { return false }
        _ = try parser.value()  // `null`, or not JSON at all
        return true
    }

    /// The value that comes next, unless it is `null`.
    private static func value(_ parser: inout JSONParser) throws(JSONParser.SyntaxError) -> JSONValue {
        let value = try parser.value()
        guard value != .null else { throw unusual(parser) }
        return value
    }

    /// The setting spelled by the string that comes next.
    private static func choice<Choice: RawRepresentable<String>>(_ parser: inout JSONParser)
        throws(JSONParser.SyntaxError) -> Choice
    {
        guard let choice = Choice(rawValue: try string(&parser)) else { throw unusual(parser) }
        return choice
    }

    /// The number that comes next, in seconds.
    private static func seconds(_ parser: inout JSONParser) throws(JSONParser.SyntaxError) -> Double {
        guard let seconds = try parser.value().double else { throw unusual(parser) }
        return seconds
    }

    /// The `delivery` object that comes next, each of its settings at most once: a setting is
    /// never read as `null`, so one already set was repeated.
    private static func delivery(_ parser: inout JSONParser) throws(JSONParser.SyntaxError) -> Delivery {
        guard parser.nextIsObject else { throw unusual(parser) }
        var delivery = Delivery()
        try parser.readObject { key, parser throws(JSONParser.SyntaxError) in
            if key.is("delivery_timeout"), delivery.timeoutSeconds == nil {
                delivery.timeoutSeconds = try seconds(&parser)
            } else if key.is("delivery_heartbeat_seconds"), delivery.heartbeatSeconds == nil {
                delivery.heartbeatSeconds = try seconds(&parser)
            } else if key.is("delivery_idempotency_key"), delivery.idempotencyKey == nil {
                delivery.idempotencyKey = try string(&parser)
            } else if key.is(Field.cancelMode.name), delivery.cancelMode == nil {
                delivery.cancelMode = try choice(&parser) as Delivery.CancelMode
            } else if key.is(Field.orphanPolicy.name), delivery.orphanPolicy == nil {
                delivery.orphanPolicy = try choice(&parser) as Delivery.OrphanPolicy
            } else {
                throw unusual(parser)
            }
        }
        return delivery
    }
}
