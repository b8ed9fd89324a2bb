/// The kinds of ``WoveFrame``, each by the name its `type` field carries.
enum FrameType: Int, CaseIterable {
    case runTask, cancelTask, shutdown, taskStarted, taskResult, taskError, taskCancelled, heartbeat, log

    /// Every kind, made once.
    static let all = allCases

    /// The `type` field of a frame of this kind.
    var name: StaticString {
        switch self {
        case .runTask: "run_task"
        case .cancelTask: "cancel_task"
        case .shutdown: "shutdown"
        case .taskStarted: "task_started"
        case .taskResult: "task_result"
        case .taskError: "task_error"
        case .taskCancelled: "task_cancelled"
        case .heartbeat: "heartbeat"
        case .log: "log"
        }
    }

    /// The kind `text` names; `nil` for any other text.
    init?(named text: JSONKey) {
        guard let kind = FrameType.all.first(where: { text.is($0.name) }) else { return nil }
        self = kind
    }
}

extension WoveFrame {
    /// The frame's kind.
    var kind: FrameType {
        switch self {
        case .runTask: .runTask
        case .cancelTask: .cancelTask
        case .shutdown: .shutdown
        case .taskStarted: .taskStarted
        case .taskResult: .taskResult
        case .taskError: .taskError
        case .taskCancelled: .taskCancelled
        case .heartbeat: .heartbeat
        case .log: .log
        }
    }
}
