/// Runs a compiled graph: every task starts the moment its inputs exist.
///
/// Whatever finishes a task records it on the run's ``ScheduleBoard`` and starts what it made
/// ready, there and then, going on itself with one of them: a task with the next `async` task, a
/// blocking-pool thread with the next synchronous one, so a chain runs without a hop per node.
/// Plain synchronous bodies go straight to the weave's ``BlockingLane``; other tasks each run in
/// a task of their own, bound to the weave, and the weave's own task runs one of the first
/// ready tasks itself. The first failure cancels whatever still runs and starts nothing new;
/// the run always settles, including any synchronous body abandoned by a timeout, before `run`
/// returns, so nothing outlives the call.
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
                    let first = board.start()
                    if first.count == 1, !first[0].runsOnPool {
                        await runAlone(first[0], board, run, observer)
                    } else {
                        start(first, board, run, observer)
                    }
                    await board.waitUntilIdle()
                } onCancel: {
                    board.cancel()
                }
            }
            await run.lane.waitUntilIdle()
        }
        return board.settle()
    }

    /// Starts each of `launches`: on the pool, or in a task of its own.
    private static func start(
        _ launches: [Launch],
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) {
        for launch in launches {
            if launch.runsOnPool {
                submit(launch, board, run, observer)
            } else {
                // Started from a pool thread too, so the weave is bound explicitly.
                board.track(
                    Task {
                        await WeaveRun.$boundToTask.withValue(run) {
                            await runChain(from: launch, board, run, observer)
                        }
                    })
            }
        }
    }

    /// Runs `first` in the weave's own task, then each task the last one made ready, for as
    /// long as nothing else runs: a task running here could not be cancelled by a sibling's
    /// failure, so it only ever runs without siblings.
    private static func runAlone(
        _ first: Launch,
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) async {
        var next: Launch? = first
        while let launch = next {
            let outcome = await perform(launch.index, launch.runnable, launch.arguments, run, observer)
            let (ready, alone) = board.finishAlone(outcome)
            if alone, ready.count == 1, !ready[0].runsOnPool {
                next = ready[0]
            } else {
                start(ready, board, run, observer)
                next = nil
            }
        }
    }

    /// Runs `first` in this task, then each task the last one made ready for it.
    private static func runChain(
        from first: Launch,
        _ board: ScheduleBoard,
        _ run: WeaveRun,
        _ observer: (any WeaveObserver)?
    ) async {
        var next: Launch? = first
        while let launch = next {
            let outcome = await perform(launch.index, launch.runnable, launch.arguments, run, observer)
            let (following, others, _) = board.finish(outcome, onPool: false)
            start(others, board, run, observer)
            next = following
        }
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
                    let (following, others, _) = board.finish(
                        performOnThread(launch, run, observer), onPool: true)
                    start(others, board, run, observer)
                    next = following
                }
            },
            cancel: {
                let cancelled = ChildOutcome(
                    index: first.index, result: .failure(CancellationError()), duration: nil)
                _ = board.finish(cancelled, onPool: true)
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
            work = .async { try await body(arguments) }
        case (.sync(let body), nil):
            work = .blocking { try run.bindToThread { try body(arguments) } }
        }
        return try await AttemptRunner.run(work, policy: runnable.policy, lane: run.lane, clock: run.clock)
    }
}
