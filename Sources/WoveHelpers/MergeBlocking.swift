public import WoveRuntime

/// Runs `body` through the running weave from inside a synchronous task, blocking that task's
/// thread until it is done.
///
/// A synchronous task body cannot `await`, so it calls these forms without it:
///
/// ```swift
/// Task("sizes", after: "paths") { (paths: [String]) throws in
///     try merge({ (path: String) in try fileSize(path) }, over: paths, workers: 4)
/// }
/// ```
///
/// Merged blocking work runs within the weave's `maxWorkers`; the calling task lends its own
/// slot while it waits, so a weave with `.maxWorkers(1)` does not deadlock when its only worker
/// merges more blocking work.
///
/// - Parameters: as the async `merge(_:retries:backoff:timeout:fileID:line:)`.
/// - Throws: as the async form; also `WeaveError` with code `blockingCallInAsyncContext` if
///   called from async code, where the async form must be used.
public func merge<T: Sendable>(
    _ body: @escaping @Sendable () async throws -> T,
    retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil,
    fileID: StaticString = #fileID,
    line: Int = #line
) throws -> T {
    let location = SourceLocation(fileID: fileID, line: line)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    return try MergeScope.blocking(at: location) { run in
        try await MergeScope.perform(.async(body), policy: policy, in: run)
    }
}

/// Runs a synchronous `body` through the running weave from inside a synchronous task.
///
/// - Parameters: as the async `merge(_:retries:backoff:timeout:fileID:line:)`.
public func merge<T: Sendable>(
    _ body: @escaping @Sendable () throws -> T,
    retries: Int = 0,
    backoff: RetryBackoff = .immediate,
    timeout: Duration? = nil,
    fileID: StaticString = #fileID,
    line: Int = #line
) throws -> T {
    let location = SourceLocation(fileID: fileID, line: line)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    return try MergeScope.blocking(at: location) { run in
        try await MergeScope.perform(.blocking(body), policy: policy, in: run)
    }
}

/// Runs `body` once per element of `items` from inside a synchronous task and returns the
/// results in element order.
///
/// - Parameters: as the async `merge(_:over:workers:limitPerMinute:retries:backoff:timeout:fileID:line:)`.
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
) throws -> [T] where Items.Element: Sendable {
    let location = SourceLocation(fileID: fileID, line: line)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    let elements = Array(items)
    return try MergeScope.blocking(at: location) { run in
        try await MergeScope.map(
            elements, workers: workers, limitPerMinute: limitPerMinute, policy: policy, in: run,
            body: .async(body))
    }
}

/// Runs a synchronous `body` once per element of `items` from inside a synchronous task and
/// returns the results in element order.
///
/// - Parameters: as the async `merge(_:over:workers:limitPerMinute:retries:backoff:timeout:fileID:line:)`.
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
) throws -> [T] where Items.Element: Sendable {
    let location = SourceLocation(fileID: fileID, line: line)
    let policy = try MergeScope.policy(retries: retries, backoff: backoff, timeout: timeout, at: location)
    let elements = Array(items)
    return try MergeScope.blocking(at: location) { run in
        try await MergeScope.map(
            elements, workers: workers, limitPerMinute: limitPerMinute, policy: policy, in: run,
            body: .sync(body))
    }
}
