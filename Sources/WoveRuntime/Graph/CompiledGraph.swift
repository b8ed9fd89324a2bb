/// A validated task graph: every dependency resolved, every type checked, no cycles.
///
/// Node 0 is `data`, the initialization values follow (sorted by name), then
/// the tasks in definition order.
package struct CompiledGraph: Sendable {
    package static let dataNodeName = "data"

    package let nodes: [GraphNode]
    package let indexByName: [String: Int]
    /// Indices of the task nodes, in definition order.
    package let taskIndices: Range<Int>
    /// Every node, each after all of its dependencies.
    package let topologicalOrder: [Int]
    /// Nodes grouped by ``GraphNode/tier``.
    package let tiers: [[Int]]

    package init(nodes: [GraphNode], taskIndices: Range<Int>, topologicalOrder: [Int]) {
        self.nodes = nodes
        self.taskIndices = taskIndices
        self.topologicalOrder = topologicalOrder
        var indexByName = [String: Int](minimumCapacity: nodes.count)
        for (index, node) in nodes.enumerated() { indexByName[node.name] = index }
        self.indexByName = indexByName
        var tiers: [[Int]] = []
        for index in nodes.indices {
            let tier = nodes[index].tier
            while tiers.count <= tier { tiers.append([]) }
            tiers[tier].append(index)
        }
        self.tiers = tiers
    }

    /// The task names in definition order.
    package var taskNames: [String] { taskIndices.map { nodes[$0].name } }
}
