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
/// unknown dependencies, cycles and type mismatches throw a ``WeaveError``
/// naming the tasks and their `file:line`. If the block itself throws, no task runs.
///
/// - Parameters:
///   - data: Initialization values; each key is a node tasks can depend on,
///     and the reserved node `data` holds the whole dictionary.
///   - maxWorkers: How many synchronous task bodies may run at once (default 64).
///   - maxPending: The most items a mapped task may have; a task with more fails, with its
///     dependents, before any item runs (default: no limit).
///   - errorMode: `.raise` (default) throws the first task error unchanged;
///     `.return` returns the result with the errors in it.
///   - clock: Drives `limitPerMinute` pacing, retry backoff and timeouts; inject a test clock
///     to check pacing without waiting (default: `ContinuousClock`).
///   - content: The task declarations.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
/// - Throws: A ``WeaveError`` for an invalid graph or option; in `.raise` mode
///   the first error a task threw; `CancellationError` if the caller was
///   cancelled before every task finished.
public func weave(
    _ data: [String: any Sendable] = [:],
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    errorMode: ErrorMode = .raise,
    clock: any Clock<Duration> = ContinuousClock(),
    @WeaveBuilder _ content: () throws -> TaskList
) async throws -> WoveResult {
    let options = try WeaveOptions(
        maxWorkers: maxWorkers, maxPending: maxPending, errorMode: errorMode, clock: clock)
    let tasks = try content()
    return try await WeaveEngine.run(tasks.definitions, data: data, options: options)
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
///   ``WeaveError/Code/blockingCallInAsyncContext`` instead; use ``weave(_:maxWorkers:maxPending:errorMode:clock:_:)``
///   there.
/// - Parameters: as ``weave(_:maxWorkers:maxPending:errorMode:clock:_:)``.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
public func weaveBlocking(
    _ data: [String: any Sendable] = [:],
    maxWorkers: Int? = nil,
    maxPending: Int? = nil,
    errorMode: ErrorMode = .raise,
    clock: any Clock<Duration> = ContinuousClock(),
    @WeaveBuilder _ content: () throws -> TaskList
) throws -> WoveResult {
    try BlockingWait.refuseInAsyncContext("weaveBlocking")
    let options = try WeaveOptions(
        maxWorkers: maxWorkers, maxPending: maxPending, errorMode: errorMode, clock: clock)
    let definitions = try content().definitions
    return try BlockingWait.wait {
        try await WeaveEngine.run(definitions, data: data, options: options)
    }
}
