/// Reports a dependency cycle as a path through the declaring lines.
enum CycleFinder {
    /// Builds the error for a graph whose `unsorted` nodes could not be ordered.
    ///
    /// Every unsorted node waits on another unsorted node, so walking first
    /// unsorted dependencies from any of them must revisit a node: that loop is
    /// the cycle reported.
    static func cycleError(in nodes: [GraphNode], unsorted: [Int]) -> WeaveError {
        let stuck = Set(unsorted)
        var path: [Int] = []
        var seenAt: [Int: Int] = [:]
        var current = unsorted.first ?? 0
        while seenAt[current] == nil {
            seenAt[current] = path.count
            path.append(current)
            current = nodes[current].dependencies.first(where: stuck.contains) ?? current
        }
        // The walk follows "depends on" edges; report it as "feeds", producer first.
        let cycle = Array(path[(seenAt[current] ?? 0)...]).reversed()
        let first = cycle.first.map { nodes[$0] }
        let steps = cycle.map { nodes[$0].label } + [first.map { "'\($0.name)'" } ?? ""]
        return WeaveError(
            .dependencyCycle,
            "Tasks depend on each other in a cycle: \(steps.joined(separator: " → ")). "
                + "Remove one of these dependencies.",
            task: first?.name, at: first?.location)
    }
}
