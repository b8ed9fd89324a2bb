/// Runs a mapped task's items with at most `workers` in flight, each under the task's attempt policy.
///
/// Synchronous items without timeouts, pacing, backoff or an observer take the ``BlockingItemDrain`` fast
/// path; everything else runs an item per child task.
///
/// Items start in order as slots free up, so memory stays bounded by `workers` however many
/// items there are. Each result is stored by the task group's loop once its item's winning
/// attempt returns, never by the attempt itself, so an attempt abandoned by a timeout cannot
/// overwrite the retry's value. The first item to fail cancels the items still running and
/// becomes the task's error.
package enum MapRunner {
    /// How many async items of one mapped task run at once unless `workers` says otherwise:
    /// they hold no thread, so the bound is for memory, not threads.
    package static let defaultAsyncWorkers = 1024

    /// The default `workers` for items that run as `async` or blocking bodies in `run`:
    /// ``defaultAsyncWorkers``, or as many blocking items as the weave's `maxWorkers` lets run.
    package static func defaultWorkers(async: Bool, in run: WeaveRun) -> Int {
        async ? defaultAsyncWorkers : run.lane.limit
    }

    /// Runs `count` items of `item` and returns their results in item order.
    package static func run<Output: Sendable>(
        _ item: ItemBody<Output>,
        count: Int,
        workers: Int,
        limitPerMinute: Int?,
        policy: AttemptPolicy,
        in run: WeaveRun
    ) async throws -> [Output] {
        guard count > 0 else { return [] }
        var paced = policy
        if let limitPerMinute { paced.pacer = LaunchPacer(limitPerMinute: limitPerMinute, clock: run.clock) }
        let itemPolicy = paced
        if case .sync(let body) = item, itemPolicy.runsInline {
            return try await BlockingItemDrain.run(
                count: count, workers: workers, retries: itemPolicy.retries, body: body, in: run)
        }
        let observation = itemPolicy.isObserved ? run.observation : nil
        func event(_ kind: WeaveEvent.Kind, item: Int? = nil, finished: Int? = nil) -> WeaveEvent {
            WeaveEvent(
                kind, task: itemPolicy.taskName, environment: itemPolicy.environment, item: item,
                itemCount: count,
                itemsFinished: finished)
        }
        observation?.emit(event(.mappingStarted))
        return try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            let results = ResultSlots<Output>(count: count)
            var next = 0
            var finished = 0
            func launch() {
                let index = next
                let work = item.work(at: index, in: run)
                group.addTask {
                    (index, try await AttemptRunner.run(work, policy: itemPolicy, item: index, in: run))
                }
                next += 1
            }
            while next < min(workers, count) { launch() }
            while let (index, value) = try await group.next() {
                results.store(value, at: index)
                finished += 1
                observation?.emit(event(.itemFinished, item: index, finished: finished))
                if next < count { launch() }
            }
            return try results.collect()
        }
    }
}
