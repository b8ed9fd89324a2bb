/// Runs a compiled graph: every task starts the moment its inputs exist.
///
/// One task group drives the run. Async bodies are its children; sync bodies
/// are children that wait on the weave's ``BlockingLane``. The first failure
/// cancels whatever still runs and starts nothing new; the run always settles
/// before `run` returns, so nothing outlives the call.
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
                var groupCancelled = false
                while true {
                    for index in ready { launch(index, of: state, in: &group, lane: lane) }
                    ready.removeAll(keepingCapacity: true)
                    guard let outcome = await group.next() else { break }
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

    private static func launch(
        _ index: Int,
        of state: SchedulerState,
        in group: inout TaskGroup<ChildOutcome>,
        lane: BlockingLane
    ) {
        guard let body = state.graph.nodes[index].definition?.body else { return }
        let arguments = state.arguments(for: index)
        group.addTask {
            let clock = ContinuousClock()
            let start = clock.now
            let result: Result<any Sendable, any Error>
            do {
                switch body {
                case .async(let run): result = .success(try await run(arguments))
                case .sync(let run): result = .success(try await lane.run { try run(arguments) })
                }
            } catch {
                result = .failure(error)
            }
            return ChildOutcome(index: index, result: result, duration: clock.now - start)
        }
    }
}
