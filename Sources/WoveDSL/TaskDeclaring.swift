/// One declared task, opaque outside Wove; ``TaskDeclaring`` types carry one.
public struct TaskDeclaration: Sendable {
    package var definition: TaskDefinition

    package init(_ definition: TaskDefinition) { self.definition = definition }

    /// What a node made from the string literal `name` declares: nothing that can run.
    static func undeclared<Output>(_ name: String, producing _: Output.Type) -> TaskDeclaration {
        TaskDeclaration(
            TaskDefinition(
                name: name, location: SourceLocation(fileID: "<string literal>", line: 0), inputs: [],
                outputType: TypeDescriptor(Output.self),
                body: .sync { _ in
                    throw WeaveError(
                        .invalidOption,
                        "'\(name)' is a node made from a string literal, which only names a task in after:; "
                            + "declare the task with Task(\"\(name)\") { … }.", task: name)
                }))
    }
}

/// A declared task: a plain ``TaskNode`` or a mapped ``MappedTaskNode``.
///
/// Options are modifiers that return a changed copy, so they chain:
///
/// ```swift
/// Task("fetch", after: "url") { (url: URL) in try await download(url) }
///     .retries(2, backoff: .exponential(initial: .milliseconds(200)))
///     .timeout(.seconds(5))
/// ```
public protocol TaskDeclaring: WeaveContent {
    /// The type of the task's result.
    associatedtype Output: Sendable
    /// The declaration the modifiers change.
    var declaration: TaskDeclaration { get }
    /// The task's name, unique within a weave (a later declaration replaces an earlier one).
    var name: String { get }
    /// A node for `declaration`, as the modifiers make it.
    init(declaration: TaskDeclaration)
}

extension TaskDeclaring {
    /// A new node with the declaration changed by `change`.
    func changing(_ change: (inout TaskDefinition) -> Void) -> Self {
        var declaration = self.declaration
        change(&declaration.definition)
        return Self(declaration: declaration)
    }

    /// Where the task was declared.
    public var location: SourceLocation { declaration.definition.location }

    /// The names the task depends on, one per body parameter after the item for mapped tasks.
    public var dependencies: [String] { declaration.definition.dependencies }

    /// Whether the body is `async` (runs as a child task) rather than synchronous
    /// (runs on Wove's blocking pool).
    public var isAsync: Bool { declaration.definition.body.isAsync }

    /// This one task.
    public var taskList: TaskList { TaskList(declaration.definition) }

    /// Retries a failed attempt up to `count` more times, waiting per `backoff` (immediately by
    /// default). Timed-out attempts are retried too; the last attempt's error is the task's.
    /// For a mapped task, each item is retried on its own.
    public func retries(_ count: Int, backoff: RetryBackoff = .immediate) -> Self {
        changing {
            $0.options.retries = count
            $0.options.backoff = backoff
        }
    }

    /// Runs the task in the environment `name` (configured with `Wove.config`), whose settings
    /// are its defaults for options it does not set itself.
    public func environment(_ name: String) -> Self {
        changing { $0.options.environment = name }
    }

    /// Fails any attempt still running after `limit` with a ``TaskTimeoutError``. For a mapped
    /// task, the limit applies to each item's attempt.
    public func timeout(_ limit: Duration) -> Self {
        changing { $0.options.timeout = limit }
    }

    /// Sets how the task's runs are delivered when it runs in a non-local environment; unset
    /// arguments fall through to its environment's and the global ``DeliverySettings``.
    ///
    /// ```swift
    /// Task("report", after: "order_id") { (id: Int) in try await render(id) }
    ///     .environment("workers")
    ///     .delivery(timeout: .seconds(30), idempotencyKey: "report:{order_id}", heartbeat: .seconds(5))
    /// ```
    ///
    /// - Parameters:
    ///   - timeout: How long a run may take from sending to result; on expiry a `cancel_task` is
    ///     sent and the attempt fails with ``DeliveryTimeoutError`` (and may be retried).
    ///   - idempotencyKey: A deduplication key; `{name}` placeholders are filled with the run's
    ///     arguments (`{item}` is a mapped task's element). Every placeholder must name an input.
    ///   - cancelMode: `.requireAck` makes a cancellation wait for the worker's `task_cancelled`.
    ///   - heartbeat: The longest silence allowed between the worker's `task_started` and
    ///     `heartbeat` frames; the worker is asked to heartbeat at this interval.
    ///   - maxInFlight: How many runs with this limit may be pending at once in the environment.
    ///   - orphanPolicy: What happens to a run left pending when its environment stops or fails.
    public func delivery(
        timeout: Duration? = nil,
        idempotencyKey: String? = nil,
        cancelMode: Delivery.CancelMode? = nil,
        heartbeat: Duration? = nil,
        maxInFlight: Int? = nil,
        orphanPolicy: Delivery.OrphanPolicy? = nil
    ) -> Self {
        changing { definition in
            definition.options.delivery = DeliverySettings(
                timeout: timeout, idempotencyKey: idempotencyKey, cancelMode: cancelMode,
                heartbeat: heartbeat,
                maxInFlight: maxInFlight, orphanPolicy: orphanPolicy
            )
            .inheriting(from: definition.options.delivery)
        }
    }
}
