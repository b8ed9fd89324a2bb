/// Everything a weave produced: values, errors, cancellations, timings and the plan it ran.
///
/// Read values by name with ``value(_:as:)``, the last declared task with
/// ``final(as:)``, or, through `WoveDSL`, by node handle with `result[node]`.
/// Typed reads of a failed task throw that task's error; of a cancelled task,
/// `CancellationError`.
public struct WoveResult: Sendable {
    private let graph: CompiledGraph
    /// Each node's outcome and duration.
    private let records: NodeRecords
    /// The first task error recorded during the run, in the order failures happened; when every
    /// task succeeded, a failure after them (``WeaveError/Code/environmentDidNotStop``), if any.
    public let error: (any Error)?
    /// The error mode the weave ran with.
    public let errorMode: ErrorMode

    /// A result assembled from outcomes gathered elsewhere (a forked run's).
    init(
        graph: CompiledGraph, records: NodeRecords, error: (any Error)?, errorMode: ErrorMode
    ) {
        self.graph = graph
        self.records = records
        self.error = error
        self.errorMode = errorMode
    }

    init(state: SchedulerState, error: (any Error)?, errorMode: ErrorMode) {
        self.graph = state.graph
        self.records = state.records
        self.error = error
        self.errorMode = errorMode
    }

    /// The task names in definition order (initialization values and `data` excluded).
    public var names: [String] { graph.taskNames }

    /// How long each task that ran took, keyed by task name.
    public var timings: [String: Duration] {
        var timings: [String: Duration] = [:]
        for index in graph.taskIndices {
            if let duration = records[index].duration { timings[graph.nodes[index].name] = duration }
        }
        return timings
    }

    /// The error of every failed task, keyed by name; a task whose dependency
    /// failed holds that dependency's error.
    public var errors: [String: any Error] {
        var errors: [String: any Error] = [:]
        for index in graph.taskIndices {
            if case .failure(let error) = records[index].outcome { errors[graph.nodes[index].name] = error }
        }
        return errors
    }

    /// The tasks cancelled by the weave, or never started because a dependency was cancelled.
    public var cancelled: Set<String> {
        Set(
            graph.taskIndices.lazy.filter {
                if case .cancelled = self.records[$0].outcome { return true }
                return false
            }.map { self.graph.nodes[$0].name })
    }

    /// The plan the weave ran: dependencies, dependents, tiers.
    public var executionPlan: ExecutionPlan { ExecutionPlan(graph: graph) }

    /// The value of the task or initialization value `name`, read as `T`.
    ///
    /// - Throws: the task's own error if it failed; `CancellationError` if it
    ///   was cancelled; ``WeaveError`` with code
    ///   ``WeaveError/Code/unknownResult`` or ``WeaveError/Code/resultTypeMismatch``.
    public func value<T>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = graph.indexByName[name] else {
            var message = "The weave has no task or initialization value named '\(name)'."
            if let suggestion = NameSuggestion.closest(to: name, among: graph.nodes.map(\.name)) {
                message += " Did you mean '\(suggestion)'?"
            }
            throw WeaveError(.unknownResult, message, task: name)
        }
        return try value(at: index, as: type)
    }

    /// The value of the last task in definition order, read as `T`.
    ///
    /// - Throws: as ``value(_:as:)``, or ``WeaveError/Code/noTasks`` when the
    ///   weave declared no task.
    public func final<T>(as type: T.Type = T.self) throws -> T {
        guard let last = graph.taskIndices.last else {
            throw WeaveError(.noTasks, "The weave declared no tasks, so it has no final value.")
        }
        return try value(at: last, as: type)
    }

    /// The untyped value of `name`: its value, the error it failed with, or
    /// `nil` if it is unknown or was cancelled.
    public subscript(name: String) -> (any Sendable)? {
        guard let index = graph.indexByName[name] else { return nil }
        switch records[index].outcome {
        case .value(let value): return value
        case .failure(let error): return error
        case .pending, .cancelled: return nil
        }
    }

    package func value<T>(at index: Int, as type: T.Type) throws -> T {
        let node = graph.nodes[index]
        switch records[index].outcome {
        case .value(let value):
            guard let typed = value as? T else {
                throw WeaveError(
                    .resultTypeMismatch,
                    "\(node.label) produced \(String(reflecting: Swift.type(of: value))), "
                        + "which cannot be read as \(String(reflecting: T.self)).",
                    task: node.name, at: node.location)
            }
            return typed
        case .failure(let error): throw error
        case .pending, .cancelled: throw CancellationError()
        }
    }
}
