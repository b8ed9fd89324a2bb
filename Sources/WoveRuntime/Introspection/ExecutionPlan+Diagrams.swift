extension ExecutionPlan {
    /// The plan as a Mermaid flowchart: initialization data as parallelograms, tasks as boxes,
    /// mapped tasks as double-sided boxes, edges from producer to consumer.
    ///
    /// ```
    /// flowchart TD
    ///     n0[/"data"/]
    ///     n1[/"ids"/]
    ///     n2[["doubled<br/>sync, mapped over 'ids' (3 items)"]]
    ///     n1 --> n2
    /// ```
    public func mermaid() -> String {
        let nodes = self.nodes
        let ids = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.name, "n\($0)") })
        var lines = ["flowchart TD"]
        for (index, node) in nodes.enumerated() {
            let name = mermaidEscaped(node.name)
            switch (node.kind, node.isMapped) {
            case (.task, true):
                lines.append("    n\(index)[[\"\(name)<br/>\(mermaidEscaped(node.summary))\"]]")
            case (.task, false):
                lines.append("    n\(index)[\"\(name)<br/>\(mermaidEscaped(node.summary))\"]")
            default: lines.append("    n\(index)[/\"\(name)\"/]")
            }
        }
        for (producer, consumer) in edges {
            if let from = ids[producer], let to = ids[consumer] { lines.append("    \(from) --> \(to)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The plan as a Graphviz DOT digraph, left to right: initialization data as
    /// parallelograms, tasks as boxes (mapped ones doubled), edges from producer to consumer.
    public func dot() -> String {
        var lines = ["digraph wove {", "    rankdir=LR;", "    node [shape=box];"]
        for node in nodes {
            let name = dotEscaped(node.name)
            if node.kind == .task {
                let extra = node.isMapped ? ", peripheries=2" : ""
                lines.append("    \"\(name)\" [label=\"\(name)\\n(\(dotEscaped(node.summary)))\"\(extra)];")
            } else {
                lines.append("    \"\(name)\" [shape=parallelogram];")
            }
        }
        for (producer, consumer) in edges {
            lines.append("    \"\(dotEscaped(producer))\" -> \"\(dotEscaped(consumer))\";")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// Every producer → consumer edge, once, in node order.
    private var edges: [(String, String)] {
        let dependencies = self.dependencies
        return graph.nodes.flatMap { node in (dependencies[node.name] ?? []).map { ($0, node.name) } }
    }

    private func mermaidEscaped(_ text: String) -> String {
        text.replacing("\"", with: "#quot;")
    }

    private func dotEscaped(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
    }
}
