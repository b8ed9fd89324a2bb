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
/// With the ``WeaveOption/fork`` option the weave continues in a detached child process of this executable, in a
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
///   - options: How the weave runs, as for `weave`, plus ``WeaveOption/fork``; there is no
///     error mode, since task errors always come back in the result.
///   - content: The task declarations.
///   - onDone: Called once with the result when every task has settled, errors included.
/// - Returns: A handle to await the result or cancel the weave.
/// - Throws: A ``WeaveError`` for an invalid graph, option or environment, or the block's own
///   error; nothing has started then.
public func weaveInBackground(
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<BackgroundWeave>...,
    @WeaveBuilder content: () throws -> TaskList,
    onDone: (@Sendable (WoveResult) async -> Void)? = nil
) throws -> WeaveHandle {
    try start(nil, data, RunOptions(options), content, onDone: onDone)
}

/// Starts a reusable ``Weave`` in the background, with inline tasks overriding or extending its
/// own, and returns at once.
///
/// - Parameters:
///   - template: The reusable weave.
///   - data: Initialization values, as for `weave`.
///   - options: How the weave runs, as for ``weaveInBackground(_:options:content:onDone:)``.
///   - content: Inline tasks that override or extend the weave's.
///   - onDone: Called once with the result when every task has settled, errors included.
/// - Returns: A handle to await the result or cancel the weave.
public func weaveInBackground(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<BackgroundWeave>...,
    @WeaveBuilder content: () throws -> TaskList = { TaskList() },
    onDone: (@Sendable (WoveResult) async -> Void)? = nil
) throws -> WeaveHandle {
    try start(template, data, RunOptions(options), content, onDone: onDone)
}

private func start(
    _ template: (any Weave)?,
    _ data: [String: any Sendable],
    _ options: RunOptions,
    _ content: () throws -> TaskList,
    onDone: (@Sendable (WoveResult) async -> Void)?
) throws -> WeaveHandle {
    var options = options
    options.settings.errorMode = .return
    let prepared = try prepareWeave(template, data: data, options: options, content: content)
    if options.fork {
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
