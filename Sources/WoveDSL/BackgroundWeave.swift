/// A weave running in the background: await its result, or cancel it.
public final class WeaveHandle: Sendable {
    private let run: Task<WoveResult, Never>

    init(_ run: Task<WoveResult, Never>) { self.run = run }

    /// The result once every task has settled and `onDone` has returned; task errors and
    /// cancellations are inside it.
    public var result: WoveResult {
        get async { await run.value }
    }

    /// Cancels the weave: running tasks are cancelled and nothing new starts. The result, with
    /// the cancelled tasks in ``WoveResult/cancelled``, still reaches `onDone`.
    public func cancel() { run.cancel() }
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
/// - Parameters:
///   - data, environment, maxWorkers, maxPending, debug, clock, observer: as `weave`.
///   - content: The task declarations.
///   - onDone: Called once with the result when every task has settled, errors included.
/// - Returns: A handle to await or cancel the run.
public func weaveInBackground(
    _ data: [String: any Sendable] = [:],
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
    return start(try prepareWeave(nil, data: data, settings: settings, content: content), onDone: onDone)
}

/// Starts a reusable ``Weave`` in the background, with the tasks of `content` overriding or
/// extending its own, and returns at once.
///
/// - Parameters: as `weaveInBackground(_:environment:maxWorkers:maxPending:debug:clock:observer:_:onDone:)`,
///   after the reusable weave `template`; the block may be left out to run the weave as is.
public func weaveInBackground(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
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
    return start(try prepareWeave(template, data: data, settings: settings, content: content), onDone: onDone)
}

private func start(_ prepared: PreparedWeave, onDone: (@Sendable (WoveResult) async -> Void)?) -> WeaveHandle
{
    WeaveHandle(
        Task.detached {
            let result = await prepared.settle()
            await onDone?(result)
            return result
        })
}
