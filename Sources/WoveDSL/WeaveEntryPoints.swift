public import WoveRuntime

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
/// It can be called from any isolation, a `@MainActor` function or an actor's method among
/// them: the block runs in the caller's isolation, the tasks do not.
///
/// - Parameters:
///   - data: Initialization values; each key is a node tasks can depend on,
///     and the reserved node `data` holds the whole dictionary.
///   - options: How the weave runs: ``WeaveOption/maxWorkers(_:)``,
///     ``WeaveOption/errorMode(_:)``, ``WeaveOption/environment(_:)`` and the others of
///     ``WeaveOption``.
///   - isolation: The caller's isolation, which the block runs in; leave it to its default.
///   - content: The task declarations.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
/// - Throws: A ``WeaveError`` for an invalid graph, option or environment; in `.raise` mode
///   the first error a task threw; `CancellationError` if the caller was
///   cancelled before every task finished.
public func weave(
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<ForegroundWeave>...,
    isolation: isolated (any Actor)? = #isolation,
    @WeaveBuilder _ content: () throws -> TaskList
) async throws -> WoveResult {
    let prepared = try prepareWeave(nil, data: data, options: RunOptions(options), content: content)
    return try await prepared.run()
}

/// Runs a reusable ``Weave``, with the tasks of `content` overriding or extending its own.
///
/// - Parameters:
///   - template: The reusable weave.
///   - data: Initialization values.
///   - options: How the weave runs, as for ``weave(_:options:isolation:_:)``.
///   - isolation: The caller's isolation, which the block runs in; leave it to its default.
///   - content: Inline tasks: a task with the name of one of the weave's replaces it
///     (signature and options included, unset options inherited); others are added.
public func weave(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<ForegroundWeave>...,
    isolation: isolated (any Actor)? = #isolation,
    @WeaveBuilder _ content: () throws -> TaskList = { TaskList() }
) async throws -> WoveResult {
    let prepared = try prepareWeave(template, data: data, options: RunOptions(options), content: content)
    return try await prepared.run()
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
/// - Important: Calling it from `async` code would block a cooperative-pool thread and can
///   deadlock: the compiler refuses such a call, and one it cannot see (from a synchronous
///   function called by async code) throws a ``WeaveError`` with code
///   ``WeaveError/Code/blockingCallInAsyncContext``. Use `weave` there.
/// - Parameters:
///   - data: Initialization values.
///   - options: How the weave runs, as for ``weave(_:options:isolation:_:)``.
///   - content: The task declarations.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
@available(*, noasync, message: "it blocks the calling thread; use `try await weave(…)` in async code")
public func weaveBlocking(
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<ForegroundWeave>...,
    @WeaveBuilder content: () throws -> TaskList
) throws -> WoveResult {
    try BlockingWait.refuseInAsyncContext("weaveBlocking")
    let prepared = try prepareWeave(nil, data: data, options: RunOptions(options), content: content)
    return try BlockingWait.wait { try await prepared.run() }
}

/// Runs a reusable ``Weave`` from synchronous code, blocking the calling thread until it settles.
///
/// Inline tasks override the weave's exactly as in the async form.
///
/// - Parameters:
///   - template: The reusable weave.
///   - data: Initialization values.
///   - options: How the weave runs, as for ``weave(_:options:isolation:_:)``.
///   - content: Inline tasks that override or extend the weave's.
/// - Returns: The values, errors, cancellations, timings and plan of the run.
@available(*, noasync, message: "it blocks the calling thread; use `try await weave(…)` in async code")
public func weaveBlocking(
    _ template: some Weave,
    _ data: [String: any Sendable] = [:],
    options: WeaveOption<ForegroundWeave>...,
    @WeaveBuilder content: () throws -> TaskList = { TaskList() }
) throws -> WoveResult {
    try BlockingWait.refuseInAsyncContext("weaveBlocking")
    let prepared = try prepareWeave(template, data: data, options: RunOptions(options), content: content)
    return try BlockingWait.wait { try await prepared.run() }
}
