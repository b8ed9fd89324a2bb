/// Runs the tasks declared in `content`, each as soon as its inputs exist, and returns their results.
///
/// ```swift
/// let result = try await weave(["user_id": 123]) {
///     Task("user", after: "user_id") { (id: Int) in try await api.user(id) }
///     Task("greeting", after: "user") { (user: User) in "Hello, \(user.name)" }
/// }
/// let greeting = try result.final(as: String.self)
/// ```
///
/// The block is compiled into a graph and validated before any task starts:
/// unknown dependencies, cycles, type mismatches, bad options and unknown environments throw a
/// ``WeaveError`` naming the tasks and their `file:line`. If the block itself throws, no task runs.
///
/// - Parameters:
///   - data: Initialization values; each key is a node tasks can depend on,
///     and the reserved node `data` holds the whole dictionary.
///   - environment: The environment of tasks that name none (default: the configured default).
///   - maxWorkers: How many synchronous task bodies may run at once (default 256; all weaves of
///     the process share a cap of 256 blocking threads, see `Wove.config(maxBlockingThreads:)`).
///   - maxPending: The most items a mapped task may have; a task with more fails, with its
///     dependents, before any item runs (default: no limit).
///   - errorMode: `.raise` (default) throws the first task error unchanged;
///     `.return` returns the result with the errors in it.
///   - debug: Prints the plan's ``ExecutionPlan/describe()`` report before running.
///   - clock: Drives `limitPerMinute` pacing, retry backoff and timeouts; inject a test clock
///     to check pacing without waiting (default: `ContinuousClock`).
///   - observer: Receives the weave's ``WeaveEvent``s as they happen.
///   - content: The task declarations.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
/// - Throws: A ``WeaveError`` for an invalid graph, option or environment; in `.raise` mode
///   the first error a task threw; `CancellationError` if the caller was
///   cancelled before every task finished.
public func weave(
    _ data: [String: any Sendable] = [:],
    environment: String? = nil,
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    errorMode: ErrorMode? = nil,
    debug: Bool = false,
    clock: any Clock<Duration> = ContinuousClock(),
    observer: (any WeaveObserver)? = nil,
    @WeaveBuilder _ content: () throws -> TaskList
) async throws -> WoveResult {
    let settings = WeaveSettings(
        environment: environment, maxWorkers: maxWorkers, maxPending: maxPending, errorMode: errorMode,
        clock: clock,
        debug: debug, observer: observer)
    return try await prepareWeave(nil, data: data, settings: settings, content: content).run()
}

/// Runs a reusable ``Weave``, with the tasks of `content` overriding or extending its own.
///
/// - Parameters:
///   - template: The reusable weave.
///   - data: Initialization values.
///   - environment: The environment of tasks that name none, as for `weave`.
///   - maxWorkers: How many synchronous task bodies may run at once, as for `weave`.
///   - maxPending: The most items a mapped task may have, as for `weave`.
///   - errorMode: Whether task errors are thrown or returned, as for `weave`.
///   - debug: Prints the plan before running, as for `weave`.
///   - clock: Drives pacing, backoff and timeouts, as for `weave`.
///   - observer: Receives the weave's events, as for `weave`.
///   - content: Inline tasks: a task with the name of one of the weave's replaces it
///     (signature and options included, unset options inherited); others are added.
public func weave(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    environment: String? = nil,
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    errorMode: ErrorMode? = nil,
    debug: Bool = false,
    clock: any Clock<Duration> = ContinuousClock(),
    observer: (any WeaveObserver)? = nil,
    @WeaveBuilder _ content: () throws -> TaskList = { TaskList() }
) async throws -> WoveResult {
    let settings = WeaveSettings(
        environment: environment, maxWorkers: maxWorkers, maxPending: maxPending, errorMode: errorMode,
        clock: clock,
        debug: debug, observer: observer)
    return try await prepareWeave(template, data: data, settings: settings, content: content).run()
}

/// Runs a weave from synchronous code, blocking the calling thread until it settles.
///
/// Use it where there is no `async` context, such as a command-line tool's
/// top-level synchronous code or a callback API. The weave runs on Wove's
/// own threads and Swift's cooperative pool; the calling thread only waits.
///
/// ```swift
/// let result = try weaveBlocking {
///     Task("a") { 1 }
///     Task("b", after: "a") { (a: Int) in a + 1 }
/// }
/// ```
///
/// - Important: Calling it from `async` code would block a cooperative-pool
///   thread and can deadlock, so it throws a ``WeaveError`` with code
///   ``WeaveError/Code/blockingCallInAsyncContext`` instead; use `weave` there.
/// - Parameters: as ``weave(_:environment:maxWorkers:maxPending:errorMode:debug:clock:observer:_:)``.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
public func weaveBlocking(
    _ data: [String: any Sendable] = [:],
    environment: String? = nil,
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    errorMode: ErrorMode? = nil,
    debug: Bool = false,
    clock: any Clock<Duration> = ContinuousClock(),
    observer: (any WeaveObserver)? = nil,
    @WeaveBuilder _ content: () throws -> TaskList
) throws -> WoveResult {
    try BlockingWait.refuseInAsyncContext("weaveBlocking")
    let settings = WeaveSettings(
        environment: environment, maxWorkers: maxWorkers, maxPending: maxPending, errorMode: errorMode,
        clock: clock,
        debug: debug, observer: observer)
    let prepared = try prepareWeave(nil, data: data, settings: settings, content: content)
    return try BlockingWait.wait { try await prepared.run() }
}

/// Runs a reusable ``Weave`` from synchronous code, blocking the calling thread until it settles.
///
/// Inline tasks override the weave's exactly as in the async form.
///
/// - Parameters: as ``weave(_:_:environment:maxWorkers:maxPending:errorMode:debug:clock:observer:_:)``.
public func weaveBlocking(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    environment: String? = nil,
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    errorMode: ErrorMode? = nil,
    debug: Bool = false,
    clock: any Clock<Duration> = ContinuousClock(),
    observer: (any WeaveObserver)? = nil,
    @WeaveBuilder _ content: () throws -> TaskList = { TaskList() }
) throws -> WoveResult {
    try BlockingWait.refuseInAsyncContext("weaveBlocking")
    let settings = WeaveSettings(
        environment: environment, maxWorkers: maxWorkers, maxPending: maxPending, errorMode: errorMode,
        clock: clock,
        debug: debug, observer: observer)
    let prepared = try prepareWeave(template, data: data, settings: settings, content: content)
    return try BlockingWait.wait { try await prepared.run() }
}
