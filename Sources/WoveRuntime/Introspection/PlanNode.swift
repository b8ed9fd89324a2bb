/// One node of an ``ExecutionPlan``, described for reports and diagrams.
public struct PlanNode: Sendable, Hashable {
    /// What kind of node this is. New kinds may be added in minor releases, so a `switch` over
    /// kinds needs a `default` branch.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case data, initializationValue, task
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The implicit node holding all initialization data.
        public static let data = Kind(.data)
        /// One initialization value.
        public static let initializationValue = Kind(.initializationValue)
        /// A task.
        public static let task = Kind(.task)

        /// The kind's name, e.g. `task`.
        public var description: String { base.rawValue }
    }

    /// The node's name.
    public let name: String
    /// Whether it is `data`, an initialization value or a task.
    public let kind: Kind
    /// Whether a task's body is async; `false` for other nodes.
    public let isAsync: Bool
    /// For a mapped task: the upstream node it maps over, or `nil` for a local collection.
    public let mappedOver: String?
    /// Whether the task is mapped.
    public let isMapped: Bool
    /// For a mapped task, its item count when known before running.
    public let itemCount: Int?
    /// The environment a task runs in; `nil` for other nodes.
    public let environment: String?
    /// Where a task was declared.
    public let location: SourceLocation?
    /// 1-based tier.
    public let tier: Int

    init(_ index: Int, in graph: CompiledGraph) {
        let node = graph.nodes[index]
        name = node.name
        tier = node.tier + 1
        location = node.location
        environment = graph.runnable(at: index)?.environment
        switch node.kind {
        case .data: kind = .data
        case .seed: kind = .initializationValue
        case .task: kind = .task
        }
        let definition = graph.definition(at: index)
        isAsync = definition?.body.isAsync ?? false
        switch definition?.mapping {
        case .local(let count)?:
            isMapped = true
            mappedOver = nil
            itemCount = count
        case .upstream(let source, _, _)?:
            isMapped = true
            mappedOver = source
            itemCount = graph.indexByName[source].flatMap(graph.itemCount(at:))
        case nil:
            isMapped = false
            mappedOver = nil
            itemCount = nil
        }
    }

    /// `sync` or `async`, and how it maps: `async, mapped over 'ids' (3 items)`.
    var summary: String {
        var text = isAsync ? "async" : "sync"
        if isMapped {
            let count = itemCount.map { "\($0) item\($0 == 1 ? "" : "s")" }
            switch (mappedOver, count) {
            case (let source?, let count?): text += ", mapped over '\(source)' (\(count))"
            case (let source?, nil): text += ", mapped over '\(source)'"
            case (nil, let count?): text += ", mapped over \(count)"
            case (nil, nil): text += ", mapped"
            }
        }
        return text
    }
}
