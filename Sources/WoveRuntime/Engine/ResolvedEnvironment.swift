/// An environment tasks run in, with its settings: a class, so that each task of a weave reads
/// them through one reference rather than copying them.
final class ResolvedEnvironment: Sendable {
    let name: String
    let settings: EnvironmentSettings

    init(name: String, settings: EnvironmentSettings) {
        self.name = name
        self.settings = settings
    }
}

/// The environments the tasks of one weave run in, each looked up once while the weave compiles.
struct EnvironmentLookup {
    private let defaults: OptionDefaults
    /// The environments tasks named, other than the weave's.
    private var named: [String: ResolvedEnvironment] = [:]

    init(_ defaults: OptionDefaults) { self.defaults = defaults }

    /// The task's environment and its settings; throws if it is not configured.
    mutating func environment(for task: TaskDefinition) throws(WeaveError) -> ResolvedEnvironment {
        guard let name = task.options.environment, name != defaults.weaveEnvironment else {
            return defaults.weaveEnvironmentResolved
        }
        if let known = named[name] { return known }
        let configuration = defaults.configuration
        guard let settings = configuration.environment(named: name) else {
            throw WeaveError(
                .unknownEnvironment,
                "Task '\(task.name)' (\(task.location)) runs in environment '\(name)', which is not configured. "
                    + "Configured environments: \(configuration.environmentNames.joined(separator: ", ")).",
                task: task.name, at: task.location)
        }
        let resolved = ResolvedEnvironment(name: name, settings: settings)
        named[name] = resolved
        return resolved
    }
}
