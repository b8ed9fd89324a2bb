extension ExecutionPlan {
    /// A readable report of the plan: each task with its kind, mapping, environment and line;
    /// each task's dependencies and dependents; and the tiers.
    ///
    /// ```
    /// --- Wove plan ---
    /// Tasks (3):
    ///   • numbers (sync) at App/main.swift:4, environment local
    ///   • doubled (async, mapped over 'numbers') at App/main.swift:5, environment local
    ///   • total (sync) at App/main.swift:6, environment local
    /// Dependency graph:
    ///   • doubled
    ///     Dependencies: numbers
    ///     Dependents:   total
    ///   …
    /// Tiers:
    ///   - Tier 1: data, numbers
    ///   - Tier 2: doubled
    ///   - Tier 3: total
    /// --- End of plan ---
    /// ```
    ///
    /// Reading it changes nothing. Tiers are a view only: each task starts as soon as its own
    /// inputs exist.
    public func describe() -> String {
        let tasks = nodes.filter { $0.kind == .task }
        var lines = ["--- Wove plan ---", "Tasks (\(tasks.count)):"]
        for task in tasks {
            let location = task.location.map { " at \($0)" } ?? ""
            let environment = task.environment.map { ", environment \($0)" } ?? ""
            lines.append("  • \(task.name) (\(task.summary))\(location)\(environment)")
        }
        lines.append("Dependency graph:")
        let dependencies = self.dependencies
        let dependents = self.dependents
        for task in tasks {
            lines.append("  • \(task.name)")
            lines.append("    Dependencies: \(list(dependencies[task.name]))")
            lines.append("    Dependents:   \(list(dependents[task.name]))")
        }
        lines.append("Tiers:")
        for (number, tier) in tiers.enumerated() {
            lines.append("  - Tier \(number + 1): \(tier.joined(separator: ", "))")
        }
        lines.append("--- End of plan ---")
        return lines.joined(separator: "\n")
    }

    private func list(_ names: [String]?) -> String {
        guard let names, !names.isEmpty else { return "None" }
        return names.joined(separator: ", ")
    }
}
