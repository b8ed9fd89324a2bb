/// The scheduler's state machine: which nodes wait, run, succeeded, failed or were cancelled.
///
/// A plain value owned by the scheduler loop, so it needs no locks. The loop
/// feeds it child outcomes; it answers with the nodes that became ready.
struct SchedulerState {
    let graph: CompiledGraph
    /// Each node's outcome and duration, filled in as tasks finish.
    let records: NodeRecords
    /// Unfinished dependencies per node.
    private var waitingOn: [Int]
    private(set) var firstError: (any Error)?
    /// Set on the first failure or caller cancellation: nothing new starts.
    private(set) var isStopping = false
    /// Tasks not recorded yet: each is recorded once, when it finishes or is given up.
    private var unrecorded: Int

    init(graph: CompiledGraph, data: [String: any Sendable]) {
        self.graph = graph
        records = NodeRecords(seeding: graph, data: data)
        self.waitingOn = graph.shape.taskInputCounts
        unrecorded = graph.taskIndices.count
    }

    /// Tasks with no task dependencies: they can start at once.
    var initiallyReady: [Int] { graph.shape.initiallyReady }

    /// The values `index`'s body takes, in parameter order.
    func arguments(for index: Int) -> [any Sendable] {
        graph.dependencies[index].map { dependency in
            if case .value(let value) = records[dependency].outcome { return value }
            return MissingArgument(node: graph.nodes[dependency].name)
        }
    }

    /// Records a finished child; returns whether it succeeded, after which each of its
    /// dependents waits on one task less (``markInputReady(_:)``).
    ///
    /// A `CancellationError` counts as cancellation while the weave is
    /// stopping or `weaveCancelled`; any other error is a failure that stops
    /// the weave.
    mutating func record(_ outcome: ChildOutcome, weaveCancelled: Bool) -> Bool {
        let index = outcome.index
        unrecorded -= 1
        records[index].duration = outcome.duration
        switch outcome.result {
        case .success(let value):
            records[index].outcome = .value(value)
            return true
        case .failure(let error) where error is CancellationError && (isStopping || weaveCancelled):
            records[index].outcome = .cancelled
        case .failure(let error):
            records[index].outcome = .failure(error)
            if firstError == nil { firstError = error }
            isStopping = true
        }
        return false
    }

    /// Notes that one input of `index` exists; returns whether it was the last one missing.
    mutating func markInputReady(_ index: Int) -> Bool {
        waitingOn[index] -= 1
        return waitingOn[index] == 0
    }

    /// Stops launching because the caller cancelled the weave.
    mutating func stop() { isStopping = true }

    /// Settles every task that never started: a dependent of a failed task gets
    /// that task's error, any other is cancelled. Returns the tasks it settled.
    mutating func settleUnstarted() -> [Int] {
        // Every task recorded (the usual end of a weave): none is pending.
        if unrecorded == 0 { return [] }
        var settled: [Int] = []
        for index in graph.topologicalOrder {
            guard case .pending = records[index].outcome else { continue }
            records[index].outcome = inheritedFailure(of: index).map(NodeOutcome.failure) ?? .cancelled
            settled.append(index)
        }
        return settled
    }

    /// The event saying how task `index` ended; `nil` while it is pending.
    func event(for index: Int) -> WeaveEvent? {
        let name = graph.nodes[index].name
        let environment = graph.runnable(at: index)?.environment
        let record = records[index]
        switch record.outcome {
        case .value:
            return WeaveEvent(
                .taskFinished, task: name, environment: environment, duration: record.duration ?? .zero)
        case .failure(let error):
            return WeaveEvent(
                .taskFailed, task: name, environment: environment, error: error, duration: record.duration)
        case .cancelled: return WeaveEvent(.taskCancelled, task: name, environment: environment)
        case .pending: return nil
        }
    }
}

extension SchedulerState {
    /// The error of `index`'s first failed dependency, if any.
    fileprivate func inheritedFailure(of index: Int) -> (any Error)? {
        for dependency in graph.dependencies[index] {
            if case .failure(let error) = records[dependency].outcome { return error }
        }
        return nil
    }
}

/// Stands in for an upstream value that is missing; casting it to the
/// parameter type fails with a clear error. The scheduler only starts a task
/// once every dependency has a value, so this is never expected to be seen.
struct MissingArgument: Sendable {
    let node: String
}
