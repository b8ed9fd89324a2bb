/// Runs a compiled graph: every task starts the moment its inputs exist.
///
/// Whatever finishes a task records it on the run's ``ScheduleBoard`` and starts what it made
/// ready, there and then, going on itself with one of them: a task with the next `async` task, a
/// blocking-pool thread with the next synchronous one, so a chain runs without a hop per node.
/// Plain synchronous bodies go straight to the weave's ``BlockingLane``; other tasks run as child
/// tasks, in the task group of the task that started them, so the weave's tasks form one tree
/// under the weave's own task. That task starts the first tasks, the `async` tasks a pool thread
/// made ready, and, when exactly one task is ready and nothing else is in flight, runs it
/// itself. The first failure cancels whatever still runs and starts nothing new; the run always
/// settles, including any synchronous body abandoned by a timeout, before `run` returns, so
/// nothing outlives the call.
package enum WeaveEngine {
    static func execute(
        _ graph: CompiledGraph,
        data: [String: any Sendable],
        run: WeaveRun,
        observer: (any WeaveObserver)?
    ) async -> SchedulerState {
        let board = ScheduleBoard(graph: graph, data: data, lane: run.lane, observer: observer)
        if !graph.taskIndices.isEmpty {
            await WeaveRun.$boundToTask.withValue(run) {
                await withTaskCancellationHandler {
                    await schedule(board, run: run, observer: observer)
                } onCancel: {
                    board.cancel()
                }
            }
            await run.lane.waitUntilIdle()
        }
        return board.settle()
    }

    /// The scheduler loop, in the weave's own task. It stays to start the `async` tasks a pool
    /// thread made ready only when the graph has tasks for the pool; otherwise it only waits for
    /// its children.
    private static func schedule(_ board: ScheduleBoard, run: WeaveRun, observer: (any WeaveObserver)?) async
    {
        let listens = board.graph.hasPoolTasks
        await withDiscardingTaskGroup { group in
            var batch = board.start()
            while true {
                var launches = batch.launches
                if launches.count == 1, batch.othersInFlight == 0, !launches[0].runsOnPool {
                    launches = await runAlone(launches[0], board, run, observer)
                }
                for launch in submitToPool(launches, board, run, observer) {
                    group.addTask {
                        await board.runCancellable(launch.index) {
                            await runChain(from: launch, board, run, observer)
                        }
                    }
                }
                guard listens, let next = await board.next() else { return }
                batch = next
            }
        }
    }

    /// Runs `first` in the weave's own task, then each task the last one made ready, for as long
    /// as nothing else runs; returns the ready tasks it leaves to start.
    private static func runAlone(
        _ first: Launch,
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) async -> [Launch] {
        var next: Launch? = first
        var others: [Launch] = []
        while let launch = next {
            let outcome = await perform(launch.index, launch.runnable, launch.arguments, run, observer)
            (next, others) = board.finish(outcome, in: .alone)
        }
        return others
    }

    /// Runs `first` in this child task, then each `async` task the last one made ready for it;
    /// once one makes several ready, the rest become children of this task.
    private static func runChain(
        from first: Launch,
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) async {
        var next: Launch? = first
        var spawned: [Launch] = []
        while spawned.isEmpty, let launch = next {
            (next, spawned) = await step(launch, board, run, observer)
        }
        if spawned.isEmpty { return }
        await withDiscardingTaskGroup { group in
            while true {
                for launch in spawned {
                    group.addTask { await runChain(from: launch, board, run, observer) }
                }
                guard let launch = next else { return }
                (next, spawned) = await step(launch, board, run, observer)
            }
        }
    }

    /// Runs one task in a child task and records it; returns the task to go on with and the
    /// `async` tasks to start.
    private static func step(
        _ launch: Launch,
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) async -> (next: Launch?, spawned: [Launch]) {
        let outcome = await perform(launch.index, launch.runnable, launch.arguments, run, observer)
        let (next, others) = board.finish(outcome, in: .task)
        return (next, submitToPool(others, board, run, observer))
    }

    /// Submits the launches that run on the pool and returns the others.
    private static func submitToPool(
        _ launches: [Launch],
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) -> [Launch] {
        var rest: [Launch] = []
        for launch in launches {
            if launch.runsOnPool { submit(launch, board, run, observer) } else { rest.append(launch) }
        }
        return rest
    }

    /// Queues a plain synchronous task on the weave's lane: its body, and each synchronous task
    /// it makes ready after it, run on the pool thread that takes it.
    private static func submit(
        _ first: Launch,
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) {
        let job = BlockingJob(
            run: {
                var next: Launch? = first
                while let launch = next {
                    let (following, others) = board.finish(performOnThread(launch, run, observer), in: .pool)
                    for launch in others { submit(launch, board, run, observer) }
                    next = following
                }
            },
            cancel: {
                let cancelled = ChildOutcome(
                    index: first.index, result: .failure(CancellationError()), duration: nil)
                _ = board.finish(cancelled, in: .pool)
            })
        run.lane.submit(job)
    }

    /// Runs a plain synchronous task on the calling pool thread.
    private static func performOnThread(
        _ launch: Launch,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) -> ChildOutcome {
        guard let runnable = launch.runnable, case .sync(let body) = runnable.body else {
            return ChildOutcome(index: launch.index, result: .success(()), duration: .zero)
        }
        observer?.observe(.taskStarted(task: runnable.name))
        let clock = ContinuousClock()
        let start = clock.now
        let result = Result<any Sendable, any Error> { try run.bindToThread { try body(launch.arguments) } }
        return ChildOutcome(index: launch.index, result: result, duration: clock.now - start)
    }

    /// Runs one task and reports how it ended and how long it took.
    private static func perform(
        _ index: Int,
        _ runnable: Runnable?,
        _ arguments: [any Sendable],
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) async -> ChildOutcome {
        if let observer, let runnable { observer.observe(.taskStarted(task: runnable.name)) }
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<any Sendable, any Error>
        do {
            result = .success(try await value(of: runnable, arguments, run))
        } catch {
            result = .failure(error)
        }
        return ChildOutcome(index: index, result: result, duration: clock.now - start)
    }

    private static func value(
        of runnable: Runnable?,
        _ arguments: [any Sendable],
        _ run: WeaveRun
    ) async throws -> any Sendable {
        guard let runnable else { return () }
        let work: Work<any Sendable>
        switch (runnable.body, runnable.remote) {
        case (.mapped(let body), _):
            return try await MappedTaskRunner.run(body, runnable, arguments, run)
        case (_, let remote?):
            let name = runnable.name
            let environment = runnable.environment
            work = .async { try await run.dispatcher.run(name, in: environment, over: remote, arguments) }
        case (.async(let body), nil):
            if runnable.policy.isPlain { return try await body(arguments) }
            work = .async { try await body(arguments) }
        case (.sync(let body), nil):
            work = .blocking { try run.bindToThread { try body(arguments) } }
        }
        return try await AttemptRunner.run(work, policy: runnable.policy, lane: run.lane, clock: run.clock)
    }
}
