/// One node of a compiled graph: the `data` node, an initialization value, or a task.
package struct GraphNode: Sendable {
    package enum Kind: Sendable {
        /// The implicit node whose value is the whole initialization dictionary.
        case data
        /// One initialization value, resolved without running anything.
        case seed
        /// A declared task.
        case task(TaskDefinition)
    }

    package let name: String
    package let kind: Kind
    package let outputType: TypeDescriptor
    /// Indices of the nodes this one consumes, in parameter order.
    package var dependencies: [Int] = []
    /// Indices of the nodes that consume this one, in declaration order.
    package var dependents: [Int] = []
    /// Zero-based tier: the length of the longest dependency chain below this node.
    package var tier = 0
    /// An initialization value's value, kept for ``itemCount``.
    package var seedValue: (any Sendable)?

    /// For an initialization value that is a collection, its element count (worked out when
    /// asked: only plans show it).
    package var itemCount: Int? { (seedValue as? any Collection)?.count }

    package var definition: TaskDefinition? {
        if case .task(let definition) = kind { return definition }
        return nil
    }

    package var location: SourceLocation? { definition?.location }

    /// `'name' (File.swift:12)`, or `'name'` for nodes without a declaration.
    package var label: String {
        guard let location else { return "'\(name)'" }
        return "'\(name)' (\(location))"
    }
}
