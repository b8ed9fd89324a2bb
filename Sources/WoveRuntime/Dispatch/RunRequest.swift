/// One run a worker is asked for: what a `run_task` frame carries, apart from its `weave`.
package struct RunRequest: Sendable {
    package let runID: String
    package let taskID: String
    package let args: [String: JSONValue]
    package let delivery: Delivery
    /// The caller's span, when it traces.
    package let trace: TraceContext?
}

extension WoveFrame {
    /// The run a `run_task` frame asks for; `nil` for any other frame.
    package var runRequest: RunRequest? {
        guard case .runTask(let runID, let taskID, _, let args, let delivery, let trace) = self else {
            return nil
        }
        return RunRequest(runID: runID, taskID: taskID, args: args, delivery: delivery, trace: trace)
    }
}
