#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child side of a forked weave: reads the context the parent left, runs its tasks, found
/// by name among the worker's declarations, and writes the outcome for the parent.
package enum ForkedChild {
    /// Runs the weave described at `contextPath` (deleting that file) with `registry`'s tasks.
    /// Returns a message for standard error when the weave could not run at all.
    package static func run(contextPath: String, registry: WorkerRegistry) async -> String? {
        let contextFile = URL(fileURLWithPath: contextPath)
        defer { try? FileManager.default.removeItem(at: contextFile) }
        let context: ForkContext
        do {
            context = try JSONDecoder().decode(ForkContext.self, from: Data(contentsOf: contextFile))
        } catch {
            return "Wove: could not read the forked weave's context '\(contextPath)': \(error)"
        }
        var outcome = ForkOutcome()
        do {
            let definitions = try context.tasks.map { entry in
                guard let definition = registry.definition(named: entry.name) else {
                    throw EnvironmentExecutionError(
                        payload: RemoteError(
                            kind: "UnknownTask",
                            message:
                                "The forked process has no task '\(entry.name)': its WoveWorker serves "
                                + "\(registry.names.joined(separator: ", ")).", source: .config),
                        taskName: entry.name, environment: "fork")
                }
                return try definition.bridgedToJSON(items: entry.items)
            }
            let prepared = try PreparedWeave.prepare(
                definitions, data: context.data,
                settings: WeaveSettings(
                    environment: "local", maxWorkers: context.maxWorkers, maxPending: context.maxPending,
                    errorMode: .return))
            outcome = ForkOutcome(await prepared.settle())
        } catch {
            let payload =
                (error as? EnvironmentExecutionError)?.payload ?? RemoteError(error, source: .config)
            for entry in context.tasks { outcome.errors[entry.name] = payload }
        }
        // A parent that has exited will never read the outcome: leave no file behind.
        guard kill(context.parentProcessID, 0) == 0 else { return nil }
        do {
            // Written whole, then renamed, so the parent never reads half an outcome.
            let temporary = URL(fileURLWithPath: context.outcomePath + ".partial")
            try JSONEncoder().encode(outcome).write(to: temporary)
            try FileManager.default.moveItem(at: temporary, to: URL(fileURLWithPath: context.outcomePath))
        } catch {
            return "Wove: could not write the forked weave's outcome to '\(context.outcomePath)': \(error)"
        }
        return nil
    }
}

extension ForkOutcome {
    /// The outcome of a run whose values are all JSON.
    init(_ result: WoveResult) {
        self.init()
        let errors = result.errors
        let cancelled = result.cancelled
        for name in result.names {
            if let error = errors[name] {
                self.errors[name] = (error as? EnvironmentExecutionError)?.payload ?? RemoteError(error)
            } else if cancelled.contains(name) {
                self.cancelled.append(name)
            } else if let value = try? result.value(name, as: JSONValue.self) {
                values[name] = value
            }
        }
        for (name, duration) in result.timings { timings[name] = duration.seconds }
    }
}
