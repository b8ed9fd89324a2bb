import WoveRuntime

/// The runs a worker has in flight, by run id, so `cancel_task` can find them; a run removes
/// itself when it ends, so the table holds only live runs.
package final class RunTable: Sendable {
    private let runs = LockedValue<[String: Task<Void, Never>]>([:])

    package init() {}

    package func insert(_ run: Task<Void, Never>, for runID: String) { runs.withLock { $0[runID] = run } }

    package func remove(_ runID: String) { _ = runs.withLock { $0.removeValue(forKey: runID) } }

    package func cancel(_ runID: String) { runs.withLock { $0[runID] }?.cancel() }

    package func cancelAll() { runs.withLock { Array($0.values) }.forEach { $0.cancel() } }
}
