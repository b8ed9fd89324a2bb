/// One node of a compiled graph: the `data` node, an initialization value, or a task.
///
/// Only structure: a node holds no task body and no initialization value, so a graph's shape can
/// be kept and shared by later weaves of the same shape (``GraphShapeCache``) without keeping
/// what an earlier weave captured alive.
package struct GraphNode: Sendable {
    package enum Kind: Sendable {
        /// The implicit node whose value is the whole initialization dictionary.
        case data
        /// One initialization value, resolved without running anything.
        case seed
        /// A declared task.
        case task
    }

    package let name: String
    package let kind: Kind
    package let outputType: TypeDescriptor
    /// Where a task was declared; `nil` for `data` and initialization values.
    package let location: SourceLocation?
    /// Indices of the nodes this one consumes, in parameter order.
    package var dependencies: [Int] = []
    /// Indices of the nodes that consume this one, in declaration order.
    package var dependents: [Int] = []
    /// Zero-based tier: the length of the longest dependency chain below this node.
    package var tier = 0

    init(name: String, kind: Kind, outputType: TypeDescriptor, location: SourceLocation? = nil) {
        self.name = name
        self.kind = kind
        self.outputType = outputType
        self.location = location
    }

    /// `'name' (File.swift:12)`, or `'name'` for nodes without a declaration.
    package var label: String {
        guard let location else { return "'\(name)'" }
        return "'\(name)' (\(location))"
    }
}
