import Foundation

/// Runs a mapped task's items with at most `workers` in flight, each under the task's attempt policy.
///
/// Synchronous items without timeouts, pacing, backoff or an observer take the ``BlockingItemDrain`` fast
/// path; everything else runs an item per child task.
///
/// Items start in order as slots free up, so memory stays bounded by
/// `workers` however many items there are; results land in the run's
/// preallocated slots. The first item to fail cancels the items still running
/// and becomes the task's error.
package enum MapRunner {
    /// The default cap on a mapped task's items in flight: generous for I/O, bounded for memory.
    package static var defaultWorkers: Int { max(64, 16 * ProcessInfo.processInfo.activeProcessorCount) }

    package static func run(
        _ items: MappedRun,
        workers: Int,
        limitPerMinute: Int?,
        policy: AttemptPolicy,
        in run: WeaveRun
    ) async throws {
        guard items.count > 0 else { return }
        var paced = policy
        if let limitPerMinute { paced.pacer = LaunchPacer(limitPerMinute: limitPerMinute, clock: run.clock) }
        let itemPolicy = paced
        if case .sync(let body) = items.item, itemPolicy.runsInline {
            try await BlockingItemDrain.run(
                count: items.count, workers: workers, retries: itemPolicy.retries, body: body, in: run)
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func launch() {
                let work = items.item.work(at: next, in: run)
                group.addTask {
                    try await AttemptRunner.run(work, policy: itemPolicy, lane: run.lane, clock: run.clock)
                }
                next += 1
            }
            while next < min(workers, items.count) { launch() }
            while try await group.next() != nil {
                if next < items.count { launch() }
            }
        }
    }
}
