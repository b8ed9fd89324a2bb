/// A weave running in the background, in this process or in a forked child: await its
/// result, or cancel it.
public final class WeaveHandle: Sendable {
    private let run: Task<WoveResult, Never>
    private let forked: ForkedRun?

    init(_ run: Task<WoveResult, Never>, forked: ForkedRun? = nil) {
        self.run = run
        self.forked = forked
    }

    /// The id of the child process a forked run continues in; `nil` for a run in this process.
    public var processID: Int32? { forked?.processID }

    /// The result once every task has settled and `onDone` has returned; task errors and
    /// cancellations are inside it. A forked run's result arrives when its child exits.
    public var result: WoveResult {
        get async { await run.value }
    }

    /// Cancels the weave: running tasks are cancelled and nothing new starts. The result, with
    /// the cancelled tasks in ``WoveResult/cancelled``, still reaches `onDone`. A forked run's
    /// child process is sent `SIGTERM` (unless it has exited), and its tasks count as cancelled.
    public func cancel() {
        run.cancel()
        forked?.cancel()
    }
}

/// Starts a weave in the background and returns at once.
///
/// ```swift
/// let handle = try weaveInBackground(["user_id": 7]) {
///     Task("report", after: "user_id") { (id: Int) async throws in try await buildReport(id) }
/// } onDone: { result in
///     log("report ready: \(result.error == nil)")
/// }
/// // … later, if needed:
/// let result = await handle.result
/// ```
///
/// The graph is compiled before this returns: a block that throws, an invalid graph, option or
/// environment throws here and nothing starts. Task errors never throw: they are in the result
/// handed to `onDone` and returned by ``WeaveHandle/result``.
///
/// With `fork: true` the weave continues in a detached child process of this executable, in a
/// session of its own, so it finishes even if this process exits first. The child finds the
/// tasks by name, so the program must start with
/// `await WoveWorker { …the same tasks… }.runIfRequested()`; every task must have `Codable`
/// inputs and output and every initialization value a task reads must be `Encodable`, or this
/// throws ``MissingDispatchFeatureError`` and nothing starts. The child runs every task
/// locally. If this process is still running when the child exits, the result (values decoded
/// to their declared types) reaches `onDone` and ``WeaveHandle/result``.
///
/// - Parameters:
///   - data: Initialization values, as for `weave`.
///   - environment: The environment of tasks that name none, as for `weave`.
///   - maxWorkers: How many synchronous task bodies may run at once, as for `weave`.
///   - maxPending: The most items a mapped task may have, as for `weave`.
///   - debug: Prints the plan before running, as for `weave`.
///   - clock: Drives pacing, backoff and timeouts, as for `weave`.
///   - observer: Receives the weave's events, as for `weave`.
///   - fork: Whether the weave continues in a detached child process.
///   - content: The task declarations.
///   - onDone: Called once with the result when every task has settled, errors included.
/// - Returns: A handle to await or cancel the run.
public func weaveInBackground(
    _ data: [String: any Sendable] = [:],
    fork: Bool = false,
    environment: String? = nil,
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    debug: Bool = false,
    clock: any Clock<Duration> = ContinuousClock(),
    observer: (any WeaveObserver)? = nil,
    @WeaveBuilder _ content: () throws -> TaskList,
    onDone: (@Sendable (WoveResult) async -> Void)? = nil
) throws -> WeaveHandle {
    let settings = WeaveSettings(
        environment: environment, maxWorkers: maxWorkers, maxPending: maxPending, errorMode: .return,
        clock: clock,
        debug: debug, observer: observer)
    let prepared = try prepareWeave(nil, data: data, settings: settings, content: content)
    return try start(prepared, fork: fork, onDone: onDone)
}

/// Starts a reusable ``Weave`` in the background, with the tasks of `content` overriding or
/// extending its own, and returns at once.
///
/// - Parameters: as `weaveInBackground(_:fork:environment:maxWorkers:maxPending:debug:clock:observer:_:onDone:)`,
///   after the reusable weave `template`; the block may be left out to run the weave as is.
public func weaveInBackground(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    fork: Bool = false,
    environment: String? = nil,
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    debug: Bool = false,
    clock: any Clock<Duration> = ContinuousClock(),
    observer: (any WeaveObserver)? = nil,
    @WeaveBuilder _ content: () throws -> TaskList = { TaskList() },
    onDone: (@Sendable (WoveResult) async -> Void)? = nil
) throws -> WeaveHandle {
    let settings = WeaveSettings(
        environment: environment, maxWorkers: maxWorkers, maxPending: maxPending, errorMode: .return,
        clock: clock,
        debug: debug, observer: observer)
    let prepared = try prepareWeave(template, data: data, settings: settings, content: content)
    return try start(prepared, fork: fork, onDone: onDone)
}

private func start(
    _ prepared: PreparedWeave,
    fork: Bool,
    onDone: (@Sendable (WoveResult) async -> Void)?
) throws -> WeaveHandle {
    if fork {
        let forked = try prepared.fork()
        return WeaveHandle(
            Task.detached {
                let result = await forked.result()
                await onDone?(result)
                return result
            }, forked: forked)
    }
    return WeaveHandle(
        Task.detached {
            let result = await prepared.settle()
            await onDone?(result)
            return result
        })
}
