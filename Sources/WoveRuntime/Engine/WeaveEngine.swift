/// Runs a compiled graph: every task starts the moment its inputs exist.
///
/// One task group drives the run. Async bodies are its children; sync bodies
/// are children that wait on the weave's ``BlockingLane``. When exactly one
/// task is ready and nothing else is in flight, nothing else can progress
/// until it ends, so the loop runs it itself and spares a child task (the
/// common case for chains). The first failure cancels whatever still runs and
/// starts nothing new; the run always settles, including any synchronous body
/// abandoned by a timeout, before `run` returns, so nothing outlives the call.
package enum WeaveEngine {
    static func execute(
        _ graph: CompiledGraph,
        data: [String: any Sendable],
        run: WeaveRun,
        observer: (any WeaveObserver)?
    ) async -> SchedulerState {
        var state = SchedulerState(graph: graph, data: data)
        if graph.taskIndices.isEmpty { return state }
        state = await WeaveRun.$boundToTask.withValue(run) {
            await withTaskCancellationHandler {
                await schedule(state, run: run, observer: observer)
            } onCancel: {
                run.lane.cancelWaitingJobs()
            }
        }
        await run.lane.waitUntilIdle()
        return state
    }

    private static func schedule(
        _ initial: SchedulerState,
        run: WeaveRun,
        observer: (any WeaveObserver)?
    ) async -> SchedulerState {
        var state = initial
        let graph = state.graph
        return await withTaskGroup(of: ChildOutcome.self, returning: SchedulerState.self) { group in
            var ready = state.initiallyReady
            var inFlight = 0
            var groupCancelled = false
            while true {
                let outcome: ChildOutcome
                if ready.count == 1, inFlight == 0 {
                    let index = ready.removeLast()
                    outcome = await perform(
                        index, graph.runnables[index], state.arguments(for: index), run, observer)
                } else {
                    for index in ready {
                        let runnable = graph.runnables[index]
                        let arguments = state.arguments(for: index)
                        group.addTask { await perform(index, runnable, arguments, run, observer) }
                    }
                    inFlight += ready.count
                    ready.removeAll(keepingCapacity: true)
                    guard let next = await group.next() else { break }
                    inFlight -= 1
                    outcome = next
                }
                let callerCancelled = Task.isCancelled
                state.record(outcome, weaveCancelled: callerCancelled, ready: &ready)
                state.report(outcome.index, to: observer)
                if callerCancelled { state.stop() }
                if state.isStopping {
                    ready.removeAll()
                    if !groupCancelled {
                        groupCancelled = true
                        group.cancelAll()
                        run.lane.cancelWaitingJobs()
                    }
                }
            }
            for index in state.settleUnstarted() { state.report(index, to: observer) }
            return state
        }
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
