/// Runs a mapped task's items with at most `workers` in flight, each under the task's attempt policy.
///
/// Synchronous items without timeouts, pacing, backoff or an observer take the ``BlockingItemDrain`` fast
/// path; everything else runs in `workers` child tasks, each taking item after item, in order,
/// from a shared cursor: an item that ends lets its task go straight on to the next, with no
/// task made for it and no parent woken to start one.
///
/// Memory stays bounded by `workers` however many items there are. Each result is stored by
/// the child that ran the item once its winning attempt returns, never by the attempt itself,
/// so an attempt abandoned by a timeout cannot overwrite the retry's value. The first item to
/// fail cancels the items still running, no more start, and it becomes the task's error.
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
        let items = ItemCursor<Output>(count: count)
        var failure: (any Error)?
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<min(workers, count) {
                    group.addTask {
                        while let index = items.next() {
                            // Cancelled (the weave, or a failed item): no more items start, and the
                            // map ends with the cancellation, not with items missing.
                            try Task.checkCancellation()
                            let value = try await AttemptRunner.run(
                                item.work(at: index, in: run), policy: itemPolicy, item: index, in: run)
                            items.slots.store(value, at: index)
                            if let observation {
                                let finished = items.finished()
                                observation.emit(event(.itemFinished, item: index, finished: finished))
                            }
                        }
                    }
                }
                // Not `waitForAll()`, which waits for every child before it throws: the first failure
                // leaves the group at once, which cancels the children still running.
                while try await group.next() != nil {}
            }
        } catch {
            failure = error
        }
        // A failed map's results are released here, not whenever the last child lets go of them.
        return try items.slots.results(after: failure)
    }
}
