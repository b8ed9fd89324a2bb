/// A weave compiled and configured, ready to run: what every entry point builds first, so
/// every graph, option and environment error is thrown before any task starts.
package struct PreparedWeave: Sendable {
    package let graph: CompiledGraph
    let data: [String: any Sendable]
    let options: WeaveOptions
    /// The name events give the weave, when it is observed: the one set, else the `Weave` type
    /// it runs; `nil` for `weave`.
    private let name: String?

    /// Compiles `definitions` against `data` with the settings and the configuration in force;
    /// prints the plan's report first when `settings.debug` is set.
    package static func prepare(
        _ definitions: [TaskDefinition],
        data: [String: any Sendable],
        settings: WeaveSettings
    ) throws -> PreparedWeave {
        let options = try Wove.snapshot.options(for: settings)
        let graph = try GraphCompiler.compile(definitions, data: data, defaults: options.defaults)
        let prepared = PreparedWeave(
            graph: graph, data: data, options: options,
            name: options.defaults.observers.isEmpty
                ? nil : settings.name ?? definitions.lazy.compactMap(\.weaveName).first)
        if settings.debug { print(prepared.plan.describe()) }
        return prepared
    }

    /// The plan that will run.
    package var plan: ExecutionPlan { ExecutionPlan(graph: graph) }

    /// Runs, then throws per the error mode: in `.raise` the first task error, unchanged, or
    /// an environment that did not stop in time; `CancellationError` if the caller was cancelled
    /// before every task finished.
    ///
    /// `@concurrent`: calling it is where the weave leaves the caller's isolation for the generic
    /// executor, where the engine then runs (see ``WeaveEngine``).
    @concurrent package func run() async throws -> WoveResult {
        let result = await settleInPlace()
        if Task.isCancelled, !result.cancelled.isEmpty { throw CancellationError() }
        if options.errorMode == .raise, let error = result.error { throw error }
        return result
    }

    /// Runs until every task settles and returns the result with every error in it, off the
    /// caller's isolation (`@concurrent`), as ``run()`` does.
    @concurrent package func settle() async -> WoveResult { await settleInPlace() }

    /// ``settle()``, on the caller's executor: ``run()`` and ``settle()`` have already left the
    /// caller's isolation for the generic executor, so entering and leaving this needs no switch.
    nonisolated(nonsending) private func settleInPlace() async -> WoveResult {
        let run = WeaveRun(
            options: options, name: name ?? "weave", taskCount: graph.taskIndices.count,
            sendsRuns: graph.sendsRuns)
        let observation = run.observation
        observation?.emit(WeaveEvent(.weaveStarted, taskCount: graph.taskIndices.count))
        let start = MonotonicTime.now
        let state = await WeaveEngine.execute(graph, data: data, run: run, observation: observation)
        let stopFailure = await run.dispatcher?.stop()
        let error = state.firstError ?? stopFailure
        await observation?.finish(duration: MonotonicTime.now - start, error: error)
        return WoveResult(state: state, error: error, errorMode: options.errorMode)
    }
}
