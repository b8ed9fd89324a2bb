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
///
/// The scheduler's `async` functions below, `execute`, `TaskExecution`'s and the wrapper around
/// each `async` task body (``TaskBody/AsyncBody``) are `nonisolated(nonsending)`: each runs on the
/// executor of the task calling it. That is the weave's own task, which the `@concurrent`
/// `PreparedWeave.run` or `settle` has already moved off the caller's isolation to the generic
/// executor, or one of its child tasks; so they never run on the caller's actor, and calls among
/// them switch no executor on the way in or out. (The user's own body is a plain `async`
/// closure: it runs on the generic executor, or on the actor it is isolated to.)
package enum WeaveEngine {
    nonisolated(nonsending) static func execute(
        _ graph: CompiledGraph,
        data: [String: any Sendable],
        run: WeaveRun,
        observation: WeaveObservation?
    ) async -> SchedulerState {
        await withUnsafeCurrentTask { weaveTask in
            let board = ScheduleBoard(
                graph: graph, data: data, lane: run.lane, weaveTask: weaveTask, observation: observation)
            if !graph.taskIndices.isEmpty {
                let scheduler = WeaveScheduler(board: board, run: run, observation: observation)
                await WeaveRun.$boundToTask.withValue(run) {
                    await withTaskCancellationHandler {
                        await scheduler.schedule()
                    } onCancel: {
                        board.cancel()
                    }
                }
                await run.lane.waitUntilIdle()
            }
            return board.settle()
        }
    }
}

/// Starts and runs one weave's tasks, in whichever task or thread finished the one before.
struct WeaveScheduler: Sendable {
    let board: ScheduleBoard
    let run: WeaveRun
    let observation: WeaveObservation?

    /// The scheduler loop, in the weave's own task. It stays to start the `async` tasks a pool
    /// thread made ready only when the graph has tasks for the pool; otherwise it only waits for
    /// its children.
    nonisolated(nonsending) func schedule() async {
        let listens = board.graph.hasPoolTasks
        await withDiscardingTaskGroup { group in
            var batch = board.start()
            while true {
                var launches = batch.launches
                if launches.count == 1, batch.othersInFlight == 0, !launches[0].runsOnPool {
                    launches = await runAlone(launches[0])
                }
                for launch in submitToPool(launches) {
                    group.addTask {
                        board.beginCancellable(launch.index)
                        await runChain(from: launch)
                        board.endCancellable(launch.index)
                    }
                }
                guard listens, let next = await board.next() else { return }
                batch = next
            }
        }
    }

    /// Runs `first` in the weave's own task, then each task the last one made ready, for as long
    /// as nothing else runs; returns the ready tasks it leaves to start.
    nonisolated(nonsending) private func runAlone(_ first: Launch) async -> [Launch] {
        var next: Launch? = first
        var others: [Launch] = []
        while let launch = next {
            (next, others) = board.finish(
                await TaskExecution.perform(launch, of: board.graph, in: run, observation), in: .alone)
        }
        return others
    }

    /// Runs `first` in this child task, then each `async` task the last one made ready for it;
    /// once one makes several ready, the rest become children of this task.
    ///
    /// Inlined, with ``step(_:)``, into the child task's closure: one async frame instead of
    /// three, so that the task's frames fit in its first allocation (each slab more is a
    /// `malloc`, freed on whichever thread ends the task).
    @inline(__always)
    nonisolated(nonsending) private func runChain(from first: Launch) async {
        var next: Launch? = first
        var spawned: [Launch] = []
        while spawned.isEmpty, let launch = next {
            (next, spawned) = await step(launch)
        }
        if spawned.isEmpty { return }
        await runSpawning(spawned, then: next)
    }

    /// Goes on from `runChain` once a task made several ready: `spawned` become children of this
    /// task, which goes on with `next`. Not inlined, so that a chain that never gets here keeps
    /// a small async frame (each child task's first allocation must hold its frames).
    @inline(never)
    nonisolated(nonsending) private func runSpawning(_ spawned: [Launch], then next: Launch?) async {
        var spawned = spawned
        var next = next
        await withDiscardingTaskGroup { group in
            while true {
                for launch in spawned {
                    group.addTask { await runChain(from: launch) }
                }
                guard let launch = next else { return }
                (next, spawned) = await step(launch)
            }
        }
    }

    /// Runs one task in a child task and records it; returns the task to go on with and the
    /// `async` tasks to start.
    @inline(__always)
    nonisolated(nonsending) private func step(_ launch: Launch) async -> (next: Launch?, spawned: [Launch]) {
        let (next, others) = board.finish(
            await TaskExecution.perform(launch, of: board.graph, in: run, observation), in: .task)
        return (next, submitToPool(others))
    }

    /// Submits the launches that run on the pool and returns the others.
    private func submitToPool(_ launches: [Launch]) -> [Launch] {
        if !launches.contains(where: \.runsOnPool) { return launches }
        var rest: [Launch] = []
        for launch in launches {
            if launch.runsOnPool { submit(launch) } else { rest.append(launch) }
        }
        return rest
    }

    /// Queues a plain synchronous task on the weave's lane: its body, and each synchronous task
    /// it makes ready after it, run on the pool thread that takes it.
    private func submit(_ first: Launch) {
        let job = BlockingJob(
            run: {
                var next: Launch? = first
                while let launch = next {
                    let outcome = TaskExecution.performOnThread(launch, of: board.graph, in: run)
                    let (following, others) = board.finish(outcome, in: .pool)
                    for launch in others { submit(launch) }
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
}
