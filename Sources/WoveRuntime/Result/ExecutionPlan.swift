/// The shape of a compiled weave, as data: who depends on whom, and in which tier.
///
/// Tiers are an introspection view (tier 1 has no dependencies, tier k+1
/// depends on tier k at most): Wove does not wait for a tier to finish before
/// starting the next; each task starts as soon as its own inputs exist.
/// `data` and initialization values appear here as nodes of tier 1.
public struct ExecutionPlan: Sendable {
    let graph: CompiledGraph

    package init(graph: CompiledGraph) { self.graph = graph }

    /// Each node's upstream nodes, in parameter order.
    public var dependencies: [String: [String]] {
        names { $0.dependencies }
    }

    /// Each node's downstream nodes, in declaration order.
    public var dependents: [String: [String]] {
        names { $0.dependents }
    }

    /// Node names grouped by tier, tier 1 first.
    public var tiers: [[String]] {
        graph.tiers.map { $0.map { graph.nodes[$0].name } }
    }

    /// Every node, in plan order: `data`, the initialization values, then the tasks.
    public var nodes: [PlanNode] {
        graph.nodes.indices.map { PlanNode($0, in: graph) }
    }

    /// Every node name, each after all of its dependencies.
    public var topologicalOrder: [String] {
        graph.topologicalOrder.map { graph.nodes[$0].name }
    }

    private func names(_ edges: (GraphNode) -> [Int]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for node in graph.nodes {
            var seen = Set<Int>()
            result[node.name] = edges(node).filter { seen.insert($0).inserted }.map { graph.nodes[$0].name }
        }
        return result
    }
}
