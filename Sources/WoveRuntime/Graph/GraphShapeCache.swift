/// The shapes of recently compiled weaves, so a weave declared again with the same shape (the
/// same block run in a loop, a `Weave` type run again) skips resolving names, checking types and
/// sorting: only its options, environments and runnables are worked out again, and not even
/// those when its tasks set no option and an earlier weave of the shape left its runnables
/// (``RunnableMemo``).
///
/// A shape is filed under its first task's declaring line and its task and data counts, one per
/// key, and used only after ``GraphShape/matches(_:data:)`` confirms every name and type; a
/// weave that differs replaces it. The cache holds at most ``nodeBudget`` nodes in all (a few
/// hundred bytes each) and is emptied when a new shape would exceed it; a shape larger than
/// ``largestShape`` is never kept. Shapes hold names and types only, never a task body or a value.
package final class GraphShapeCache: @unchecked Sendable {
    // Safe to share: `shapes` is read and written only with `mutex` held; the shapes are
    // immutable and `Sendable`.

    /// Where a shape is filed.
    struct Key: Hashable {
        let taskCount: Int
        let dataCount: Int
        let line: Int
        let file: UInt

        /// Where a shape for `tasks` and `data` is filed: equal shapes have equal keys.
        init(_ tasks: [TaskDefinition], data: [String: any Sendable]) {
            let first = tasks.first?.location
            taskCount = tasks.count
            dataCount = data.count
            line = first?.line ?? 0
            file = first?.fileStorage ?? 0
        }
    }

    static let shared = GraphShapeCache()
    /// The most nodes kept, across all shapes.
    package static let nodeBudget = 50_000
    /// The most nodes one kept shape may have.
    package static let largestShape = 20_000

    private let mutex = PThreadMutex()
    private var shapes: [Key: GraphShape] = [:]
    private var nodes = 0

    /// The cached shape of `tasks` compiled against `data`, if there is one.
    func shape(under key: Key, for tasks: [TaskDefinition], data: [String: any Sendable]) -> GraphShape? {
        guard let shape = mutex.withLock({ shapes[key] }), shape.matches(tasks, data: data) else {
            return nil
        }
        return shape
    }

    /// Files `shape` under `key`.
    func store(_ shape: GraphShape, under key: Key) {
        let size = shape.nodes.count
        guard size <= Self.largestShape else { return }
        mutex.withLock {
            nodes -= shapes.removeValue(forKey: key)?.nodes.count ?? 0
            if nodes + size > Self.nodeBudget {
                shapes.removeAll()
                nodes = 0
            }
            shapes[key] = shape
            nodes += size
        }
    }
}
