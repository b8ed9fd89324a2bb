/// A validated task graph: every dependency resolved, every type checked, no cycles.
///
/// Node 0 is `data`, the initialization values follow (sorted by name), then
/// the tasks in definition order. The structure is a ``GraphShape``, which weaves of the same
/// shape share; the definitions (with their bodies) and initialization values are this weave's
/// own, and so are the runnables, unless an earlier weave of the shape left some to reuse
/// (``RunnableMemo``).
package final class CompiledGraph: Sendable {
    package static let dataNodeName = "data"

    package let shape: GraphShape
    /// The tasks after overrides, in definition order: task node `index` is
    /// `definitions[index - taskIndices.lowerBound]`.
    let definitions: [TaskDefinition]
    /// The initialization values.
    let data: [String: any Sendable]
    /// How to run each task, in definition order: task node `index` is
    /// `runnables[index - taskIndices.lowerBound]`. Not one per node with `nil` for the others:
    /// an array of optionals looks its storage class up in the runtime's generic metadata cache
    /// each time one is made, where an array of a class uses the standard library's own.
    private let runnables: [Runnable]
    /// Whether some task runs straight on the blocking pool (see ``Runnable/runsOnPool``).
    let hasPoolTasks: Bool
    /// Whether some task runs in another process, so its runs need a ``Dispatcher``.
    let sendsRuns: Bool

    init(
        shape: GraphShape, definitions: [TaskDefinition], data: [String: any Sendable], runnables: [Runnable]
    ) {
        self.shape = shape
        self.definitions = definitions
        self.data = data
        self.runnables = runnables
        self.hasPoolTasks = runnables.contains { $0.runsOnPool }
        self.sendsRuns = runnables.contains { $0.remote != nil }
    }

    package var nodes: [GraphNode] { shape.nodes }
    package var indexByName: NameIndex { shape.indexByName }
    /// Indices of the task nodes, in definition order.
    package var taskIndices: Range<Int> { shape.taskIndices }
    /// Every node, each after all of its dependencies.
    package var topologicalOrder: [Int] { shape.topologicalOrder }
    /// Per node, the nodes it consumes, in parameter order.
    package var dependencies: [[Int]] { shape.dependencies }
    /// Per node, the nodes that consume it.
    package var dependents: [[Int]] { shape.dependents }

    /// The declaration of node `index`; `nil` for `data` and initialization values.
    package func definition(at index: Int) -> TaskDefinition? {
        taskPosition(of: index).map { definitions[$0] }
    }

    /// The body of node `index`, this weave's own; `nil` for `data` and initialization values.
    func body(at index: Int) -> TaskBody? { taskPosition(of: index).map { definitions[$0].body } }

    /// The body of node `index` if it is `async`; `nil` for any other.
    func asyncBody(at index: Int) -> TaskBody.AsyncBody? {
        guard case .async(let body) = body(at: index) else { return nil }
        return body
    }

    /// How to run node `index`; `nil` for `data` and initialization values.
    package func runnable(at index: Int) -> Runnable? { taskPosition(of: index).map { runnables[$0] } }

    /// Node `index`'s position among the tasks, in definition order; `nil` if it is no task.
    private func taskPosition(of index: Int) -> Int? {
        taskIndices.contains(index) ? index - taskIndices.lowerBound : nil
    }

    /// For an initialization value that is a collection, its element count (worked out when
    /// asked: only plans show it).
    package func itemCount(at index: Int) -> Int? {
        guard case .seed = nodes[index].kind else { return nil }
        return (data[nodes[index].name] as? any Collection)?.count
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
