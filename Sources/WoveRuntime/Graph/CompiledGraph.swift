/// A validated task graph: every dependency resolved, every type checked, no cycles.
///
/// Node 0 is `data`, the initialization values follow (sorted by name), then
/// the tasks in definition order.
package final class CompiledGraph: Sendable {
    package static let dataNodeName = "data"

    package let nodes: [GraphNode]
    package let indexByName: NameIndex
    /// Indices of the task nodes, in definition order.
    package let taskIndices: Range<Int>
    /// Every node, each after all of its dependencies.
    package let topologicalOrder: [Int]
    /// The scheduler's view, flattened so the hot loop copies no node: per node
    /// its dependencies, its dependents and how to run it (`nil` for `data` and seeds).
    package let dependencies: [[Int]]
    package let dependents: [[Int]]
    package let runnables: [Runnable?]
    /// Whether some task runs straight on the blocking pool (see ``Runnable/runsOnPool``).
    let hasPoolTasks: Bool

    package init(
        nodes: [GraphNode],
        indexByName: NameIndex,
        taskIndices: Range<Int>,
        topologicalOrder: [Int],
        runnables: [Runnable?]
    ) {
        self.nodes = nodes
        self.indexByName = indexByName
        self.taskIndices = taskIndices
        self.topologicalOrder = topologicalOrder
        self.dependencies = nodes.map { $0.dependencies }
        self.dependents = nodes.map { $0.dependents }
        self.runnables = runnables
        self.hasPoolTasks = runnables.contains { $0?.runsOnPool ?? false }
    }

    /// Nodes grouped by ``GraphNode/tier``, computed when asked (only plans show them).
    package var tiers: [[Int]] {
        var tiers: [[Int]] = []
        for index in nodes.indices {
            let tier = nodes[index].tier
            while tiers.count <= tier { tiers.append([]) }
            tiers[tier].append(index)
        }
        return tiers
    }

    /// The task names in definition order.
    package var taskNames: [String] { taskIndices.map { nodes[$0].name } }
}
