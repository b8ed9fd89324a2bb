internal import WoveRuntime

/// Finds the running weave for a `merge` call and runs merged work in it, one level deeper.
enum MergeScope {
    /// How deeply `merge` calls may nest along one call chain.
    static let depthLimit = 100

    /// The weave to merge into, one level deeper; throws outside a weave or past the depth limit.
    ///
    /// Merged blocking work runs in the weave's own lane, within its `maxWorkers`, and the weave
    /// waits for it before returning. A synchronous caller lends its slot while it waits (see
    /// `BlockingWait`), so even `.maxWorkers(1)` cannot deadlock.
    static func enter(at location: SourceLocation) throws(WeaveError) -> WeaveRun {
        guard let current = WeaveRun.current else {
            throw WeaveError(
                .mergeOutsideWeave,
                "merge was called at \(location), outside a task of a running weave. Call it from inside a "
                    + "Task body, or run the work directly.")
        }
        guard current.mergeDepth < depthLimit else {
            throw WeaveError(
                .mergeDepthExceeded,
                "merge calls at \(location) nest more than \(depthLimit) deep on one call chain; a merged "
                    + "body probably merges itself without end.")
        }
        return current.nested()
    }

    static func policy(
        retries: Int,
        backoff: RetryBackoff,
        timeout: Duration?,
        at location: SourceLocation
    ) throws(WeaveError) -> AttemptPolicy {
        var options = TaskOptions()
        options.retries = retries
        options.timeout = timeout
        try options.validate(task: "merge", at: location)
        var policy = AttemptPolicy(taskName: "merge", location: location)
        policy.retries = retries
        policy.backoff = backoff
        policy.timeout = timeout
        return policy
    }

    /// Runs one unit of merged work in `run` (bound as the current weave, so merges nest).
    static func perform<T: Sendable>(_ work: Work<T>, policy: AttemptPolicy, in run: WeaveRun) async throws
        -> T
    {
        try await WeaveRun.$boundToTask.withValue(run) {
            try await AttemptRunner.run(bound(work, to: run), policy: policy, in: run)
        }
    }

    /// Runs `body` over `items`, at most `workers` at once, and returns the results in order.
    static func map<Element: Sendable, T: Sendable>(
        _ items: [Element],
        workers: Int?,
        limitPerMinute: Int?,
        policy: AttemptPolicy,
        in run: WeaveRun,
        body: ItemWork<Element, T>
    ) async throws -> [T] {
        var options = TaskOptions()
        options.workers = workers
        options.limitPerMinute = limitPerMinute
        try options.validate(task: "merge", at: policy.location)
        try run.checkPending(
            items.count, "Merged callable at \(policy.location)", task: "merge", at: policy.location)
        let itemBody: ItemBody<T>
        switch body {
        case .sync(let body): itemBody = .sync { index in try body(items[index]) }
        case .async(let body): itemBody = .async { index in try await body(items[index]) }
        }
        return try await WeaveRun.$boundToTask.withValue(run) {
            try await MapRunner.run(
                itemBody, count: items.count,
                workers: workers ?? MapRunner.defaultWorkers(async: itemBody.isAsync, in: run),
                limitPerMinute: limitPerMinute, policy: policy, in: run)
        }
    }

    /// Runs an async merge from a synchronous caller, blocking its thread until the work is done.
    static func blocking<T: Sendable>(
        at location: SourceLocation,
        _ operation: @escaping @Sendable (WeaveRun) async throws -> T
    ) throws -> T {
        try BlockingWait.refuseInAsyncContext("A synchronous merge")
        let run = try enter(at: location)
        return try BlockingWait.wait { try await operation(run) }
    }

    private static func bound<T>(_ work: Work<T>, to run: WeaveRun) -> Work<T> {
        switch work {
        case .async: work
        case .blocking(let body): .blocking { try run.bindToThread(body) }
        }
    }
}

/// The body of a mapped merge: synchronous (blocking pool) or asynchronous.
enum ItemWork<Element: Sendable, T: Sendable>: Sendable {
    case sync(@Sendable (Element) throws -> T)
    case async(@Sendable (Element) async throws -> T)
}
