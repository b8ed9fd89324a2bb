/// Runs a compiled graph: every task starts the moment its inputs exist.
///
/// One task group drives the run. Async bodies are its children; sync bodies
/// are children that wait on the weave's ``BlockingLane``. When exactly one
/// task is ready and nothing else is in flight, nothing else can progress
/// until it ends, so the loop runs it itself and spares a child task (the
/// common case for chains). The first failure cancels whatever still runs and
/// starts nothing new; the run always settles before `run` returns, so
/// nothing outlives the call.
package enum WeaveEngine {
    /// Compiles and runs `definitions`, then throws or returns per `options.errorMode`.
    package static func run(
        _ definitions: [TaskDefinition],
        data: [String: any Sendable],
        options: WeaveOptions
    ) async throws -> WoveResult {
        let graph = try GraphCompiler.compile(definitions, data: data)
        let state = await execute(graph, data: data, options: options)
        let result = WoveResult(state: state, errorMode: options.errorMode)
        if Task.isCancelled, !result.cancelled.isEmpty { throw CancellationError() }
        if options.errorMode == .raise, let error = state.firstError { throw error }
        return result
    }

    static func execute(
        _ graph: CompiledGraph,
        data: [String: any Sendable],
        options: WeaveOptions
    ) async -> SchedulerState {
        var state = SchedulerState(graph: graph, data: data)
        if graph.taskIndices.isEmpty { return state }
        let lane = BlockingLane(limit: options.maxWorkers)
        return await withTaskCancellationHandler {
            await withTaskGroup(of: ChildOutcome.self, returning: SchedulerState.self) { group in
                var ready = state.initiallyReady
                var inFlight = 0
                var groupCancelled = false
                while true {
                    let outcome: ChildOutcome
                    if ready.count == 1, inFlight == 0 {
                        let index = ready.removeLast()
                        let body = graph.bodies[index]
                        outcome = await perform(
                            index, body, arguments: state.arguments(for: index), lane: lane)
                    } else {
                        for index in ready {
                            let body = graph.bodies[index]
                            let arguments = state.arguments(for: index)
                            group.addTask { await perform(index, body, arguments: arguments, lane: lane) }
                        }
                        inFlight += ready.count
                        ready.removeAll(keepingCapacity: true)
                        guard let next = await group.next() else { break }
                        inFlight -= 1
                        outcome = next
                    }
                    let callerCancelled = Task.isCancelled
                    state.record(outcome, weaveCancelled: callerCancelled, ready: &ready)
                    if callerCancelled { state.stop() }
                    if state.isStopping {
                        ready.removeAll()
                        if !groupCancelled {
                            groupCancelled = true
                            group.cancelAll()
                            lane.cancelWaitingJobs()
                        }
                    }
                }
                state.settleUnstarted()
                return state
            }
        } onCancel: {
            lane.cancelWaitingJobs()
        }
    }

    /// Runs one task's body and reports how it ended and how long it took.
    private static func perform(
        _ index: Int,
        _ body: TaskBody?,
        arguments: [any Sendable],
        lane: BlockingLane
    ) async -> ChildOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<any Sendable, any Error>
        do {
            switch body {
            case .async(let run): result = .success(try await run(arguments))
            case .sync(let run): result = .success(try await lane.run { try run(arguments) })
            case nil: result = .success(())
            }
        } catch {
            result = .failure(error)
        }
        return ChildOutcome(index: index, result: result, duration: clock.now - start)
    }
}
