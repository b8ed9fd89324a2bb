public import WoveRuntime

/// Runs `body` through the running weave from inside one of its tasks, and returns its result.
///
/// Use it for work discovered while a task runs: it gets the weave's retries, timeouts and
/// pools, and the weave's cancellation.
///
/// ```swift
/// Task("report", after: "user") { (user: User) async throws in
///     let avatar = try await merge({ try await api.avatar(user.id) }, retries: 2)
///     return Report(user: user, avatar: avatar)
/// }
/// ```
///
/// - Parameters:
///   - body: The work; an `async` closure runs as a child task.
///   - retries: How many more attempts after a failure (default 0).
///   - backoff: The wait before each retry (default: none).
///   - timeout: The limit for each attempt; past it the attempt fails with `TaskTimeoutError`.
///   - fileID: The calling file, for error messages.
///   - line: The calling line, for error messages.
/// - Throws: `body`'s own error, unchanged; `WeaveError` with code `mergeOutsideWeave` outside a
///   weave's task or `mergeDepthExceeded` past 100 nested merges on one call chain.
public func merge<T: Sendable>(
    _ body: @escaping @Sendable () async throws -> T,
    retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil,
    fileID: StaticString = #fileID,
    line: Int = #line
) async throws -> T {
    let location = SourceLocation(fileID: fileID, line: line)
    let run = try MergeScope.enter(at: location)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    return try await MergeScope.perform(.async(body), policy: policy, in: run)
}

/// Runs a synchronous `body` on the running weave's blocking pool from inside an async task.
///
/// - Parameters: as the async-body `merge(_:retries:backoff:timeout:fileID:line:)`.
public func merge<T: Sendable>(
    _ body: @escaping @Sendable () throws -> T,
    retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil,
    fileID: StaticString = #fileID,
    line: Int = #line
) async throws -> T {
    let location = SourceLocation(fileID: fileID, line: line)
    let run = try MergeScope.enter(at: location)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    return try await MergeScope.perform(.blocking(body), policy: policy, in: run)
}

/// Runs `body` once per element of `items` through the running weave and returns the results
/// in element order.
///
/// ```swift
/// Task("words", after: "lines") { (lines: [String]) async throws in
///     flatten(try await merge({ (line: String) in line.split(separator: " ").map(String.init) }, over: lines))
/// }
/// ```
///
/// - Parameters:
///   - body: The work for one element.
///   - items: The elements.
///   - workers: At most this many elements at once (default: the weave's `maxWorkers` for a
///     synchronous body, 1,024 for an `async` one).
///   - limitPerMinute: At most this many attempts started per minute, evenly spaced.
///   - retries: How many more attempts after an element fails.
///   - backoff: The wait before each retry.
///   - timeout: The limit for each element's attempt.
///   - fileID: The calling file, for error messages.
///   - line: The calling line, for error messages.
/// - Throws: the first element's error, unchanged; `WeaveError` as the single-body `merge`, or
///   with code `tooManyPendingItems` past the weave's `maxPending`.
public func merge<Items: Sequence, T: Sendable>(
    _ body: @escaping @Sendable (Items.Element) async throws -> T,
    over items: Items,
    workers: Int? = nil,
    limitPerMinute: Int? = nil,
    retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil,
    fileID: StaticString = #fileID,
    line: Int = #line
) async throws -> [T] where Items.Element: Sendable {
    let location = SourceLocation(fileID: fileID, line: line)
    let run = try MergeScope.enter(at: location)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    return try await MergeScope.map(
        Array(items), workers: workers, limitPerMinute: limitPerMinute, policy: policy, in: run,
        body: .async(body))
}

/// Runs a synchronous `body` once per element of `items` on the running weave's blocking pool
/// and returns the results in element order.
///
/// - Parameters: as the async-body `merge(_:over:workers:limitPerMinute:retries:backoff:timeout:fileID:line:)`.
public func merge<Items: Sequence, T: Sendable>(
    _ body: @escaping @Sendable (Items.Element) throws -> T,
    over items: Items,
    workers: Int? = nil,
    limitPerMinute: Int? = nil,
    retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil,
    fileID: StaticString = #fileID,
    line: Int = #line
) async throws -> [T] where Items.Element: Sendable {
    let location = SourceLocation(fileID: fileID, line: line)
    let run = try MergeScope.enter(at: location)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    return try await MergeScope.map(
        Array(items), workers: workers, limitPerMinute: limitPerMinute, policy: policy, in: run,
        body: .sync(body))
}

/// Not available: `workers` applies to mapped merges only.
@available(
    *, unavailable,
    message: "workers and limitPerMinute apply to mapped merges only: merge(body, over: items, workers: …)"
)
public func merge<Body>(
    _ body: Body, workers: Int, limitPerMinute: Int? = nil, retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil
) throws -> Never {
    throw WeaveError(.invalidOption, "workers and limitPerMinute apply to mapped merges only.")
}

/// Not available: `limitPerMinute` applies to mapped merges only.
@available(
    *, unavailable,
    message:
        "workers and limitPerMinute apply to mapped merges only: merge(body, over: items, limitPerMinute: …)"
)
public func merge<Body>(
    _ body: Body, limitPerMinute: Int, retries: Int = 0, backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil
) throws -> Never {
    throw WeaveError(.invalidOption, "workers and limitPerMinute apply to mapped merges only.")
}
