/// Something that happened in a weave, as reported to a ``WeaveObserver``.
///
/// Read ``kind`` to tell events apart, and the fields that kind sets; every event also names its
/// weave (``weave`` and ``weaveID``). New kinds and fields may be added in minor releases, so a
/// `switch` over kinds needs a `default` branch:
///
/// ```swift
/// switch event.kind {
/// case .taskFailed: log("\(event.task ?? "") failed: \(event.error.map { "\($0)" } ?? "")")
/// case .attemptFailed where event.willRetry: log("retrying \(event.task ?? "")")
/// default: break
/// }
/// ```
public struct WeaveEvent: Sendable, CustomStringConvertible {
    /// What happened.
    public let kind: Kind
    /// The weave's name: the one given with the `.name(_:)` option, else the `Weave` type it runs, else
    /// `weave`.
    public package(set) var weave: String = "weave"
    /// A number no other weave of this process has, the same on every event of one run.
    public package(set) var weaveID: UInt64 = 0
    /// The task it happened to, for task, attempt, item and remote events.
    public let task: String?
    /// The environment the task runs in, for task, attempt, item and remote events.
    public let environment: String?
    /// The attempt's number, from 1, for attempt events and the remote events of an attempt.
    public let attempt: Int?
    /// The item's index in its mapped task, for the events of one item.
    public let item: Int?
    /// How many items the mapped task has, for ``Kind/mappingStarted`` and ``Kind/itemFinished``.
    public let itemCount: Int?
    /// How many of the mapped task's items have finished, this one included, for
    /// ``Kind/itemFinished``. Items finish on several tasks at once, so two events may arrive
    /// with their counts in either order; the highest seen is the count.
    public let itemsFinished: Int?
    /// The remote run's id (`task:hex`, as in its frames), for remote events.
    public let runID: String?
    /// The error, for failures; for ``Kind/weaveFinished``, the weave's first error.
    public let error: (any Error)?
    /// Whether another attempt follows, for ``Kind/attemptFailed``.
    public let willRetry: Bool
    /// How long the task, item, remote run or weave took, for events that end one.
    public let duration: Duration?
    /// How long the work waited for a free blocking thread (``Kind/attemptStarted``) or a free
    /// in-flight slot of its environment (``Kind/remoteRunSent``).
    public let queueWait: Duration?
    /// How many tasks the weave has, for ``Kind/weaveStarted``.
    public let taskCount: Int?

    package init(
        _ kind: Kind, task: String? = nil, environment: String? = nil, attempt: Int? = nil, item: Int? = nil,
        itemCount: Int? = nil, itemsFinished: Int? = nil, runID: String? = nil, error: (any Error)? = nil,
        willRetry: Bool = false, duration: Duration? = nil, queueWait: Duration? = nil, taskCount: Int? = nil
    ) {
        self.kind = kind
        self.task = task
        self.environment = environment
        self.attempt = attempt
        self.item = item
        self.itemCount = itemCount
        self.itemsFinished = itemsFinished
        self.runID = runID
        self.error = error
        self.willRetry = willRetry
        self.duration = duration
        self.queueWait = queueWait
        self.taskCount = taskCount
    }

    /// The kind, then the fields it sets: `taskFailed weave=report task=fetch environment=local
    /// error=Timeout duration=0.5 seconds`.
    public var description: String {
        var parts = [kind.description, "weave=\(weave)"]
        func add(_ name: String, _ value: (some Any)?) {
            if let value { parts.append("\(name)=\(value)") }
        }
        add("task", task)
        add("environment", environment)
        add("attempt", attempt)
        add("item", item)
        add("itemsFinished", itemsFinished)
        add("itemCount", itemCount)
        add("runID", runID)
        add("error", error)
        if kind == .attemptFailed { parts.append("willRetry=\(willRetry)") }
        add("duration", duration)
        add("queueWait", queueWait)
        add("taskCount", taskCount)
        return parts.joined(separator: " ")
    }
}
