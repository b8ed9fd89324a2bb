/// A task ready to start, with the values its body takes.
struct Launch: Sendable {
    let index: Int
    let runnable: Runnable?
    let arguments: [any Sendable]

    /// Whether it runs straight on a blocking-pool thread rather than in a task.
    var runsOnPool: Bool { runnable?.runsOnPool ?? false }
}

/// The scheduler state shared by everything that finishes a task — the weave's own task, the
/// tasks it started, blocking-pool threads — so that each records its outcome where it finished
/// and starts what it made ready at once, without a hop to a scheduler.
///
/// Whatever finishes a task goes on with one task it made ready (a task with the next `async`
/// task, a pool thread with the next synchronous one) and starts the others. The first failure,
/// or the caller's cancellation, cancels every task still running and every body still waiting
/// for a thread; nothing new starts after it.
final class ScheduleBoard: @unchecked Sendable {
    // Safe to share: every `var` below is read and written only with `mutex` held; the `let`s
    // are immutable and `Sendable`.
    let graph: CompiledGraph
    private let lane: BlockingLane
    private let observer: (any WeaveObserver)?
    private let mutex = PThreadMutex()
    private var state: SchedulerState
    /// Tasks started and not yet recorded.
    private var outstanding = 0
    private var callerCancelled = false
    /// Whether the tasks running when the weave began to stop have been cancelled.
    private var stopHandled = false
    /// The tasks started for the weave, so a stop can cancel them.
    private var tasks: [Task<Void, Never>] = []
    /// The weave's own task, while it waits for the others to finish.
    private var waiter: UnsafeContinuation<Void, Never>?

    init(
        graph: CompiledGraph, data: [String: any Sendable], lane: BlockingLane, observer: (any WeaveObserver)?
    ) {
        self.graph = graph
        self.lane = lane
        self.observer = observer
        self.state = SchedulerState(graph: graph, data: data)
    }

    /// The tasks that can start at once, counted as started.
    func start() -> [Launch] {
        mutex.withLock {
            let launches = state.initiallyReady.map(launch)
            outstanding = launches.count
            return launches
        }
    }

    /// Records a task the weave's own task ran, and returns the tasks it made ready, counted as
    /// started, and whether they are the only ones.
    func finishAlone(_ outcome: ChildOutcome) -> (ready: [Launch], alone: Bool) {
        let finished = finish(outcome, onPool: nil)
        return (finished.others, finished.alone)
    }

    /// Records a finished task and returns the tasks it made ready, counted as started: `next`
    /// for the caller to run itself (one for the pool when `onPool`, else one for a task), the
    /// rest for it to start.
    /// `onPool` `nil`: the caller goes on with none of them. `alone`: nothing else is in flight.
    func finish(_ outcome: ChildOutcome, onPool: Bool?) -> (next: Launch?, others: [Launch], alone: Bool) {
        mutex.lock()
        var ready: [Int] = []
        state.record(outcome, weaveCancelled: callerCancelled, ready: &ready)
        outstanding -= 1
        var next: Launch?
        var others: [Launch] = []
        if !state.isStopping {
            for index in ready {
                let launch = launch(index)
                outstanding += 1
                if next == nil, launch.runsOnPool == onPool { next = launch } else { others.append(launch) }
            }
        }
        let alone = outstanding == others.count + (next == nil ? 0 : 1)
        let event = observer == nil ? nil : state.event(for: outcome.index)
        let stopping = takeTasksToStop()
        let waiter = outstanding == 0 ? self.waiter.take() : nil
        mutex.unlock()
        if let event { observer?.observe(event) }
        stop(stopping)
        waiter?.resume()
        return (next, others, alone)
    }

    /// Keeps `task` so a stop can cancel it; cancels it at once if the weave is stopping already.
    func track(_ task: Task<Void, Never>) {
        mutex.lock()
        if stopHandled {
            mutex.unlock()
            task.cancel()
        } else {
            tasks.append(task)
            mutex.unlock()
        }
    }

    /// Stops the weave because its caller was cancelled.
    func cancel() {
        let stopping = mutex.withLock {
            callerCancelled = true
            state.stop()
            return takeTasksToStop()
        }
        stop(stopping)
    }

    /// Returns once every started task has been recorded.
    func waitUntilIdle() async {
        await withUnsafeContinuation { continuation in
            mutex.lock()
            if outstanding == 0 {
                mutex.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                mutex.unlock()
            }
        }
    }

    /// Settles every task that never started, tells the observer, and returns the final state.
    func settle() -> SchedulerState {
        mutex.lock()
        let settled = state.settleUnstarted()
        let final = state
        mutex.unlock()
        if let observer {
            for index in settled { final.event(for: index).map(observer.observe) }
        }
        return final
    }

    /// Cancels `tasks` and the lane's waiting bodies (each then finishes as cancelled).
    private func stop(_ tasks: [Task<Void, Never>]?) {
        guard let tasks else { return }
        for task in tasks { task.cancel() }
        lane.cancelWaitingJobs()
    }

    // MARK: - With `mutex` held

    /// The tasks to cancel, once, when the weave has begun to stop; `nil` otherwise.
    private func takeTasksToStop() -> [Task<Void, Never>]? {
        guard state.isStopping, !stopHandled else { return nil }
        stopHandled = true
        defer { tasks = [] }
        return tasks
    }

    private func launch(_ index: Int) -> Launch {
        Launch(index: index, runnable: graph.runnables[index], arguments: state.arguments(for: index))
    }
}
