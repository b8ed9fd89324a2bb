/// Turns declared tasks and initialization data into a ``CompiledGraph``,
/// throwing a ``WeaveError`` that names the culprit before anything runs.
package enum GraphCompiler {
    /// Compiles `definitions` (in declaration order, duplicates allowed) against
    /// the initialization values `data`.
    ///
    /// Checks run in this order: reserved names, then per task in definition
    /// order its options, dependencies and their types, then cycles, then each task's
    /// environment. A weave with the shape of one compiled before (``GraphShapeCache``) has
    /// only its options and environments checked: the rest passed then; and if its tasks set no
    /// option, it may reuse that weave's runnables (``RunnableMemo``).
    package static func compile(
        _ definitions: [TaskDefinition],
        data: [String: any Sendable],
        defaults: OptionDefaults
    ) throws -> CompiledGraph {
        let (tasks, shape) = try self.shape(of: definitions, data: data)
        if let kept = shape.runnables.runnables(for: tasks, defaults: defaults) {
            return CompiledGraph(shape: shape, definitions: tasks, data: data, runnables: kept)
        }
        var runnables: [Runnable] = []
        runnables.reserveCapacity(tasks.count)
        var resolver = OptionResolver(defaults)
        for task in tasks {
            runnables.append(
                try Runnable(task, options: try resolver.options(for: task), defaults: defaults))
        }
        shape.runnables.keep(runnables, for: tasks, defaults: defaults)
        return CompiledGraph(shape: shape, definitions: tasks, data: data, runnables: runnables)
    }

    /// The tasks after overrides and their graph's shape: the cached one when it matches, else
    /// one resolved and checked now (and cached). Each task's options are validated either way.
    private static func shape(
        of definitions: [TaskDefinition],
        data: [String: any Sendable]
    ) throws -> (tasks: [TaskDefinition], shape: GraphShape) {
        let cache = GraphShapeCache.shared
        // Declarations whose names, in order, are a cached shape's repeat no name, so none
        // overrides another: the usual case (the same block run again) skips collecting them.
        let declared = GraphShapeCache.Key(definitions, data: data)
        if let cached = cache.shape(under: declared, for: definitions, data: data) {
            try validateOptions(of: definitions)
            return (definitions, cached)
        }
        let (tasks, taskPositions) = applyOverrides(definitions)
        let key = GraphShapeCache.Key(tasks, data: data)
        if tasks.count != definitions.count, let cached = cache.shape(under: key, for: tasks, data: data) {
            try validateOptions(of: tasks)
            return (tasks, cached)
        }
        let shape = try compileShape(tasks, taskPositions: taskPositions, data: data)
        cache.store(shape, under: key)
        return (tasks, shape)
    }

    private static func validateOptions(of tasks: [TaskDefinition]) throws(WeaveError) {
        // Most tasks set no options: checking that first spares copying each one's name.
        for task in tasks where !task.options.isUnset {
            try task.options.validate(task: task.name, at: task.location)
        }
    }

    /// Resolves and checks `tasks` against `data`, validating each task's options on the way.
    private static func compileShape(
        _ tasks: [TaskDefinition],
        taskPositions: NameIndex,
        data: [String: any Sendable]
    ) throws -> GraphShape {
        try rejectReservedNames(tasks: tasks, data: data)
        var nodes = makeNodes(tasks: tasks, taskPositions: taskPositions, data: data)
        let taskIndices = (nodes.count - tasks.count)..<nodes.count
        let indexByName = NameIndex(nodes.map(\.name))
        for (position, task) in tasks.enumerated() {
            try task.options.validate(task: task.name, at: task.location)
            try resolveDependencies(
                of: task, at: taskIndices.lowerBound + position, in: &nodes, indexByName: indexByName)
        }
        let order = try sortTopologically(&nodes)
        return GraphShape(
            nodes: nodes, indexByName: indexByName, taskIndices: taskIndices, topologicalOrder: order,
            tasks: tasks,
            data: data)
    }

    /// A later declaration of a name replaces the earlier one and keeps its position.
    /// Returns the tasks and an index of their names.
    static func applyOverrides(_ definitions: [TaskDefinition]) -> ([TaskDefinition], NameIndex) {
        var result: [TaskDefinition] = []
        result.reserveCapacity(definitions.count)
        var names: [String] = []
        names.reserveCapacity(definitions.count)
        var positions: [String: Int]? =
            definitions.count > NameIndex.scanLimit ? [String: Int](minimumCapacity: definitions.count) : nil
        for definition in definitions {
            let name = definition.name
            if let existing = positions.map({ $0[name] }) ?? names.firstIndex(of: name) {
                var replacement = definition
                replacement.options = definition.options.inheriting(from: result[existing].options)
                result[existing] = replacement
            } else {
                positions?[name] = result.count
                names.append(name)
                result.append(definition)
            }
        }
        return (result, NameIndex(names, positions: positions))
    }

    private static func rejectReservedNames(
        tasks: [TaskDefinition],
        data: [String: any Sendable]
    ) throws(WeaveError) {
        let reserved = CompiledGraph.dataNodeName
        if data[reserved] != nil {
            throw WeaveError(
                .reservedName,
                "Initialization data may not use the key '\(reserved)': it names the node holding all "
                    + "initialization values. Rename the key.")
        }
        if let task = tasks.first(where: { $0.name == reserved }) {
            throw WeaveError(
                .reservedName,
                "Task '\(reserved)' (\(task.location)) uses a reserved name: '\(reserved)' is the node "
                    + "holding all initialization values. Rename the task.",
                task: task.name, at: task.location)
        }
    }

    /// `data`, then the initialization values a task does not replace (sorted), then the tasks.
    private static func makeNodes(
        tasks: [TaskDefinition],
        taskPositions: NameIndex,
        data: [String: any Sendable]
    ) -> [GraphNode] {
        var nodes: [GraphNode] = []
        nodes.reserveCapacity(1 + data.count + tasks.count)
        nodes.append(
            GraphNode(
                name: CompiledGraph.dataNodeName, kind: .data,
                outputType: TypeDescriptor([String: any Sendable].self)))
        for key in data.keys.sorted() where taskPositions[key] == nil {
            if let value = data[key] {
                nodes.append(GraphNode(name: key, kind: .seed, outputType: TypeDescriptor(of: value)))
            }
        }
        for task in tasks {
            nodes.append(
                GraphNode(name: task.name, kind: .task, outputType: task.outputType, location: task.location))
        }
        return nodes
    }

    private static func resolveDependencies(
        of task: TaskDefinition,
        at index: Int,
        in nodes: inout [GraphNode],
        indexByName: NameIndex
    ) throws(WeaveError) {
        var resolved: [Int] = []
        let inputs = task.inputs
        resolved.reserveCapacity(inputs.count)
        for (position, input) in inputs.enumerated() {
            guard let producer = indexByName[input.dependency] else {
                throw unknownDependency(input.dependency, of: task, declared: declaredNames(nodes))
            }
            let expected = input.type
            guard expected.accepts(nodes[producer].outputType) else {
                throw typeMismatch(task: task, position: position, producer: nodes[producer])
            }
            resolved.append(producer)
            if producer != index { nodes[producer].dependents.append(index) }
        }
        if case .upstream(let name, let itemType, let acceptsProducer) = task.mapping {
            guard let producer = indexByName[name] else {
                throw unknownDependency(name, of: task, declared: declaredNames(nodes), mapping: true)
            }
            let producerType = nodes[producer].outputType
            guard producerType.isExistential || acceptsProducer(producerType.type) else {
                throw WeaveError(
                    .typeMismatch,
                    "Task '\(task.name)' (\(task.location)) maps over \(nodes[producer].label), which produces "
                        + "\(producerType): not a sequence of \(itemType).",
                    task: task.name, at: task.location)
            }
            resolved.append(producer)
            if producer != index { nodes[producer].dependents.append(index) }
        }
        nodes[index].dependencies = resolved
    }

    /// Kahn's algorithm; also assigns tiers. Throws the cycle's path when one exists.
    private static func sortTopologically(_ nodes: inout [GraphNode]) throws(WeaveError) -> [Int] {
        var waitingOn = nodes.map { $0.dependencies.count }
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        for index in nodes.indices where waitingOn[index] == 0 { order.append(index) }
        var cursor = 0
        while cursor < order.count {
            let index = order[cursor]
            cursor += 1
            for dependent in nodes[index].dependents {
                nodes[dependent].tier = max(nodes[dependent].tier, nodes[index].tier + 1)
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 { order.append(dependent) }
            }
        }
        if order.count < nodes.count {
            throw CycleFinder.cycleError(in: nodes, unsorted: nodes.indices.filter { waitingOn[$0] > 0 })
        }
        return order
    }

    /// The names a task may depend on, as an error lists them: the implicit `data` node only when
    /// the weave has initialization data, since otherwise it holds nothing.
    private static func declaredNames(_ nodes: [GraphNode]) -> [String] {
        let hasData = nodes.contains { if case .seed = $0.kind { true } else { false } }
        return nodes.filter { node in
            if case .data = node.kind { return hasData }
            return true
        }.map(\.name)
    }

    private static func unknownDependency(
        _ name: String,
        of task: TaskDefinition,
        declared: [String],
        mapping: Bool = false
    ) -> WeaveError {
        let relation = mapping ? "maps over" : "depends on"
        var message = "Task '\(task.name)' (\(task.location)) \(relation) '\(name)', which is not declared."
        if let suggestion = NameSuggestion.closest(to: name, among: declared) {
            message += " Did you mean '\(suggestion)'?"
        }
        message += " Declared names: \(declared.joined(separator: ", "))."
        return WeaveError(.unknownDependency, message, task: task.name, at: task.location)
    }

    private static func typeMismatch(task: TaskDefinition, position: Int, producer: GraphNode) -> WeaveError {
        let source: String
        switch producer.kind {
        case .task: source = "task \(producer.label) produces"
        case .seed: source = "initialization value '\(producer.name)' is"
        case .data: source = "'data' is"
        }
        return WeaveError(
            .typeMismatch,
            "Task '\(task.name)' (\(task.location)) takes \(task.inputs[position].type) as parameter "
                + "\(position + 1) ('\(producer.name)'), but \(source) \(producer.outputType).",
            task: task.name, at: task.location)
    }
}

extension TypeDescriptor {
    /// The dynamic type of an initialization value.
    init(of value: any Sendable) {
        self = Self.describe(value)
    }

    private static func describe<T>(_ value: T) -> TypeDescriptor { TypeDescriptor(Swift.type(of: value)) }
}
