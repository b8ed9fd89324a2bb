/// One message between the runtime and an executor or worker, in wove's frame protocol.
///
/// Commands go to workers (`run_task`, `cancel_task`, `shutdown`); events come back
/// (`task_started`, `task_result`, `task_error`, `task_cancelled`, `heartbeat`, `log`). Each is a
/// JSON object whose `type` names it, with wove's field names, so a worker in any language can
/// speak it:
///
/// ```json
/// {"type":"run_task","run_id":"report:9f…","task_id":"report","weave":"StandardReport",
///  "args":{"order_id":42},"delivery":{"delivery_cancel_mode":"best_effort"}}
/// ```
///
/// The cases are exactly the frame types of wove's protocol, so a `switch` over them may be
/// exhaustive: a new type would be a new protocol version, and a major release of Wove. New
/// optional fields, which peers that do not know them ignore, are how the protocol grows.
public enum WoveFrame: Sendable, Hashable, Codable {
    /// Run the task `taskID` (of `weave`, when it belongs to one) with `args`, keyed by dependency
    /// name (`item` holds a mapped task's element); `trace` carries the caller's span, when it
    /// traces, for the worker's span of the run to continue.
    case runTask(
        runID: String, taskID: String, weave: String?, args: [String: JSONValue], delivery: Delivery,
        trace: TraceContext? = nil)
    /// Cancel the run `runID`.
    case cancelTask(
        runID: String, taskID: String, cancelMode: Delivery.CancelMode, orphanPolicy: Delivery.OrphanPolicy)
    /// Stop serving.
    case shutdown
    /// The run began.
    case taskStarted(runID: String, taskID: String)
    /// The run succeeded with `result`.
    case taskResult(runID: String, taskID: String, result: JSONValue)
    /// The run failed.
    case taskError(runID: String, taskID: String, error: RemoteError)
    /// The run was cancelled.
    case taskCancelled(runID: String, taskID: String)
    /// The run is still alive.
    case heartbeat(runID: String, taskID: String)
    /// A message for the logs, not tied to a run.
    case log(message: String)

    /// The frame's `type` field.
    public var type: String { kind.name.description }

    /// The run the frame is about, if any.
    public var runID: String? {
        switch self {
        case .runTask(let runID, _, _, _, _, _), .cancelTask(let runID, _, _, _), .taskStarted(let runID, _),
            .taskResult(let runID, _, _), .taskError(let runID, _, _), .taskCancelled(let runID, _),
            .heartbeat(let runID, _):
            runID
        case .shutdown, .log: nil
        }
    }

    /// The task the frame is about, if any.
    public var taskID: String? {
        switch self {
        case .runTask(_, let taskID, _, _, _, _), .cancelTask(_, let taskID, _, _),
            .taskStarted(_, let taskID),
            .taskResult(_, let taskID, _), .taskError(_, let taskID, _), .taskCancelled(_, let taskID),
            .heartbeat(_, let taskID):
            taskID
        case .shutdown, .log: nil
        }
    }

    /// Whether the frame ends its run: `task_result`, `task_error` or `task_cancelled`.
    package var isTerminal: Bool {
        switch self {
        case .taskResult, .taskError, .taskCancelled: true
        default: false
        }
    }
}
