/// What the graph compiler works out from a weave's declarations and the keys and types of its
/// initialization data: nodes, dependencies resolved to indices and checked for type, the
/// topological order. It holds no task body and no value, so weaves of the same shape share it
/// (``GraphShapeCache``) without keeping anything of an earlier weave alive.
package final class GraphShape: Sendable {
    package let nodes: [GraphNode]
    package let indexByName: NameIndex
    let taskIndices: Range<Int>
    let topologicalOrder: [Int]
    /// The scheduler's view, flattened so the hot loop copies no node: per node its
    /// dependencies and its dependents.
    let dependencies: [[Int]]
    let dependents: [[Int]]
    /// Per node, how many of its dependencies are tasks: what a run waits for before starting it.
    let taskInputCounts: [Int]
    /// The tasks with no task dependencies, which a run starts at once, in definition order.
    let initiallyReady: [Int]
    /// The runnables of its latest weave whose tasks set no option, for the next one to reuse.
    let runnables = RunnableMemo()
    /// What the shape was compiled from, to tell whether a later weave has the same shape.
    private let tasks: [TaskShape]
    private let dataTypes: [(name: String, type: Any.Type)]

    init(
        nodes: [GraphNode],
        indexByName: NameIndex,
        taskIndices: Range<Int>,
        topologicalOrder: [Int],
        tasks: [TaskDefinition],
        data: [String: any Sendable]
    ) {
        self.nodes = nodes
        self.indexByName = indexByName
        self.taskIndices = taskIndices
        self.topologicalOrder = topologicalOrder
        self.dependencies = nodes.map(\.dependencies)
        self.dependents = nodes.map(\.dependents)
        let taskInputCounts = nodes.map { node in node.dependencies.count { $0 >= taskIndices.lowerBound } }
        self.taskInputCounts = taskInputCounts
        self.initiallyReady = taskIndices.filter { taskInputCounts[$0] == 0 }
        self.tasks = tasks.map(TaskShape.init)
        self.dataTypes = data.map { ($0.key, TypeDescriptor(of: $0.value).type) }
    }

    /// Whether compiling `tasks` (after overrides) against `data` would give this shape: the
    /// same task names, declaring lines, dependencies, parameter and output types and mapping
    /// sources, and the same initialization keys with values of the same dynamic types.
    func matches(_ tasks: [TaskDefinition], data: [String: any Sendable]) -> Bool {
        guard tasks.count == self.tasks.count, data.count == dataTypes.count else { return false }
        for (shape, task) in zip(self.tasks, tasks) where !shape.matches(task) { return false }
        for (name, type) in dataTypes {
            guard let value = data[name], TypeDescriptor(of: value).type == type else { return false }
        }
        return true
    }
}

/// The part of one task's declaration that decides the graph's shape. A class: matching reads
/// each of a graph's shapes on every weave, and a copy of a reference is one retain where a
/// struct's was a copy of each of its strings and arrays.
private final class TaskShape: Sendable {
    let name: String
    let location: SourceLocation
    /// Each dependency, with the type of the parameter it fills.
    let inputs: [(dependency: String, type: Any.Type)]
    let output: Any.Type
    /// A mapped task's upstream source and item type; `nil` for any other task (a task mapping
    /// over a collection given at declaration has no edge for it).
    let upstream: (name: String, itemType: Any.Type)?

    init(_ task: TaskDefinition) {
        name = task.name
        location = task.location
        inputs = task.inputs.map { ($0.dependency, $0.type.type) }
        output = task.outputType.type
        if case .upstream(let name, let itemType, _) = task.mapping {
            upstream = (name, itemType.type)
        } else {
            upstream = nil
        }
    }

    func matches(_ task: TaskDefinition) -> Bool {
        guard name == task.name, location.isSame(as: task.location), output == task.outputType.type else {
            return false
        }
        let declared = task.inputs
        guard declared.count == inputs.count else { return false }
        for (input, declared) in zip(inputs, declared)
        where input.dependency != declared.dependency || input.type != declared.type.type {
            return false
        }
        switch (upstream, task.mapping) {
        case (nil, .upstream?): return false
        case (nil, _): return true
        case (let upstream?, .upstream(let name, let itemType, _)?):
            return upstream.name == name && upstream.itemType == itemType.type
        case (_?, _): return false
        }
    }
}
