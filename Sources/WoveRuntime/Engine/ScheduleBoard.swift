/// A task ready to start, with the values its body takes.
struct Launch: Sendable {
    let index: Int
    let runnable: Runnable?
    let arguments: [any Sendable]

    /// Whether it runs straight on a blocking-pool thread rather than in a task.
    var runsOnPool: Bool { runnable?.runsOnPool ?? false }
}

/// What the weave's own task must do next: start `launches`.
struct LaunchBatch {
    let launches: [Launch]
    /// Tasks started earlier and not yet finished.
    let othersInFlight: Int
}

/// Where a task finished, which decides what it may do with the tasks it made ready.
enum FinishingContext {
    /// A task of the weave: it goes on with one ready `async` task and starts the others.
    case task
    /// The weave's own task, running a task because nothing else was in flight: it goes on
    /// only while that stays true, and starts the others.
    case alone
    /// A blocking-pool thread: it goes on with one ready synchronous task and submits the
    /// others; the `async` ones wait for the weave's own task to start them.
    case pool
}

/// The scheduler state shared by everything that finishes a task — the weave's own task, its
/// child tasks, blocking-pool threads — so each records its outcome where it finished and
/// starts what it made ready without a hop to a scheduler.
///
/// Only a pool thread needs the weave's own task (the scheduler loop) to start `async` tasks for
/// it. The loop also cancels everything once the weave begins to stop, and ends when nothing is
/// in flight.
final class ScheduleBoard: @unchecked Sendable {
    // Safe to share: every `var` below is read and written only with `mutex` held; the `let`s
    // are immutable and `Sendable`. `UnsafeCurrentTask.cancel()` and `isCancelled` may be called
    // from any thread; `weaveTask` is the task running `WeaveEngine.execute`, which outlives every
    // use of the board.
    //
    // The `var`s skip the runtime's exclusivity checks (`@exclusivity(unchecked)`): the mutex
    // already makes every access exclusive, and the checks cost about a thousand instructions
    // per weave in `finish`.
    let graph: CompiledGraph
    private let lane: BlockingLane
    private let observation: WeaveObservation?
    private let mutex = PThreadMutex()
    @exclusivity(unchecked) private var state: SchedulerState
    /// Ready `async` tasks a pool thread made ready, for the loop to start.
    @exclusivity(unchecked) private var queued: [Launch] = []
    /// Tasks started or queued and not yet recorded.
    @exclusivity(unchecked) private var outstanding = 0
    @exclusivity(unchecked) private var callerCancelled = false
    /// Whether the weave's stop has been seen and its running tasks' cancellation is done or
    /// under way.
    @exclusivity(unchecked) private var stopHandled = false
    /// The running tasks the weave's own task started, by node index.
    private let topLevel: TaskSlots
    /// The loop, while it waits for something to do.
    @exclusivity(unchecked) private var waiter: UnsafeContinuation<Void, Never>?

    /// The weave's own task, to see its cancellation; alive for as long as the board is used
    /// (the weave's `execute` outlives every task of the weave).
    private let weaveTask: UnsafeCurrentTask?

    init(
        graph: CompiledGraph,
        data: [String: any Sendable],
        lane: BlockingLane,
        weaveTask: UnsafeCurrentTask?,
        observation: WeaveObservation?
    ) {
        self.graph = graph
        self.lane = lane
        self.weaveTask = weaveTask
        self.observation = observation
        self.state = SchedulerState(graph: graph, data: data)
        topLevel = TaskSlots(count: graph.nodes.count, guardedBy: mutex)
    }

    /// The tasks that can start at once, counted as started.
    func start() -> LaunchBatch {
        mutex.withLock {
            let launches = state.initiallyReady.map(launch)
            outstanding = launches.count
            return LaunchBatch(launches: launches, othersInFlight: 0)
        }
    }

    /// Records a finished task and returns the tasks it made ready, counted as started: `next`
    /// for the finishing context to run itself, and `others` for it to start. The first failure
    /// cancels every running task and every body still waiting for a thread.
    func finish(_ outcome: ChildOutcome, in context: FinishingContext) -> (next: Launch?, others: [Launch]) {
        mutex.lock()
        outstanding -= 1
        var next: Launch?
        var others: [Launch] = []
        var readyCount = 0
        // The caller's cancellation reaches the weave's tasks before the weave's own handler
        // runs (`cancel()`): a task ending with `CancellationError` in between is cancelled too.
        if !callerCancelled, weaveTask?.isCancelled == true {
            callerCancelled = true
            state.stop()
        }
        // Nothing new starts once the weave stops: what this makes ready settles at the end.
        let stopping = state.isStopping
        if state.record(outcome, weaveCancelled: callerCancelled), !stopping {
            for index in graph.dependents[outcome.index] where state.markInputReady(index) {
                readyCount += 1
                let launch = launch(index)
                outstanding += 1
                switch context {
                case .task where next == nil && !launch.runsOnPool,
                    .pool where next == nil && launch.runsOnPool:
                    next = launch
                case .pool where !launch.runsOnPool: queued.append(launch)
                default: others.append(launch)
                }
            }
        }
        if context == .alone, others.count == 1, readyCount == 1, outstanding == 1, !others[0].runsOnPool {
            next = others.removeLast()
        }
        let stopStarts = state.isStopping && !stopHandled
        if stopStarts { stopHandled = true }
        let waiter = hasNewsForLoop ? self.waiter.take() : nil
        // The failure is told before the cancellations it causes.
        if let observation {
            unlock(telling: observation, about: outcome.index)
        } else {
            mutex.unlock()
        }
        if stopStarts { cancelRunning() }
        waiter?.resume()
        return (next, others)
    }

    /// Stops the weave because its caller was cancelled.
    func cancel() {
        let stopStarts = mutex.withLock {
            callerCancelled = true
            state.stop()
            defer { stopHandled = true }
            return !stopHandled
        }
        if stopStarts { cancelRunning() }
    }

    /// Makes the calling task, one the weave's own task started with node `index`, one a stop
    /// can cancel (and, through it, every task it starts), until ``endCancellable(_:)``, which it
    /// must call before it ends.
    func beginCancellable(_ index: Int) { topLevel.enter(index) }

    /// Ends ``beginCancellable(_:)``.
    func endCancellable(_ index: Int) { topLevel.leave(index) }

    /// The loop's next batch; `nil` once nothing is in flight.
    func next() async -> LaunchBatch? {
        while true {
            mutex.lock()
            if hasNewsForLoop {
                let batch = takeBatch()
                mutex.unlock()
                return batch
            }
            mutex.unlock()
            await withUnsafeContinuation { continuation in
                mutex.lock()
                if hasNewsForLoop {
                    mutex.unlock()
                    continuation.resume()
                } else {
                    waiter = continuation
                    mutex.unlock()
                }
            }
        }
    }

    /// Settles every task that never started, tells the observer, and returns the final state.
    func settle() -> SchedulerState {
        mutex.lock()
        let settled = state.settleUnstarted()
        let final = state
        mutex.unlock()
        if let observation {
            for index in settled { final.event(for: index).map(observation.emit) }
        }
        return final
    }

    /// Cancels the running tasks, those that start later and the bodies still waiting for a
    /// thread, once the weave has begun to stop.
    private func cancelRunning() {
        topLevel.cancelAll()
        lane.cancelWaitingJobs()
    }

    // MARK: - With `mutex` held

    /// Makes the event saying how task `index` ended, releases the mutex, and tells
    /// `observation`. Apart from ``finish(_:in:)``, so that an unobserved weave's finish makes and
    /// copies no event, not even an empty one.
    @inline(never)
    private func unlock(telling observation: WeaveObservation, about index: Int) {
        let event = state.event(for: index)
        mutex.unlock()
        if let event { observation.emit(event) }
    }

    private var hasNewsForLoop: Bool { !queued.isEmpty || outstanding == 0 }

    /// The queued launches; `nil` when nothing is in flight. Once the weave stops, queued tasks
    /// never start: they settle with the rest at the end.
    private func takeBatch() -> LaunchBatch? {
        if state.isStopping {
            outstanding -= queued.count
            queued.removeAll()
        }
        if outstanding == 0 { return nil }
        let launches = queued
        queued.removeAll()
        return LaunchBatch(launches: launches, othersInFlight: outstanding - launches.count)
    }

    private func launch(_ index: Int) -> Launch {
        Launch(index: index, runnable: graph.runnable(at: index), arguments: state.arguments(for: index))
    }
}
