/// What the scheduler needs to run one task, with its options resolved once per weave:
/// the task's own → the task's environment → the global configuration → built-in defaults.
package struct Runnable: Sendable {
    package let name: String
    package let location: SourceLocation
    package let body: TaskBody
    package let policy: AttemptPolicy
    package let workers: Int?
    package let limitPerMinute: Int?
    /// The environment the task runs in.
    package let environment: String
    /// Whether a mapped task's items come from an upstream node (passed as the last argument).
    package let mapsUpstream: Bool

    init(_ definition: TaskDefinition, defaults: OptionDefaults) throws(WeaveError) {
        let (environmentName, environment) = try defaults.environment(for: definition)
        let configuration = defaults.configuration
        let options = definition.options
        name = definition.name
        location = definition.location
        body = definition.body
        var policy = AttemptPolicy(taskName: definition.name, location: definition.location)
        policy.retries = options.retries ?? environment.retries ?? configuration.retries ?? 0
        policy.backoff = options.backoff ?? .immediate
        policy.timeout = options.timeout ?? environment.timeout ?? configuration.timeout
        policy.observer = defaults.observer
        self.policy = policy
        workers = options.workers ?? environment.workers ?? configuration.workers
        limitPerMinute = options.limitPerMinute ?? environment.limitPerMinute ?? configuration.limitPerMinute
        self.environment = environmentName
        mapsUpstream = definition.mappingSourceName != nil
    }
}

/// The defaults tasks fall back on: the configuration snapshot and the weave's environment.
package struct OptionDefaults: Sendable {
    package let configuration: WoveConfiguration
    /// The weave's environment, used by tasks that name none.
    package let weaveEnvironment: String
    package let observer: (any WeaveObserver)?

    package init(configuration: WoveConfiguration, weaveEnvironment: String, observer: (any WeaveObserver)?) {
        self.configuration = configuration
        self.weaveEnvironment = weaveEnvironment
        self.observer = observer
    }

    /// The task's environment and its settings; throws if it is not configured.
    func environment(for task: TaskDefinition) throws(WeaveError) -> (String, EnvironmentSettings) {
        let name = task.options.environment ?? weaveEnvironment
        guard let settings = configuration.environment(named: name) else {
            throw WeaveError(
                .unknownEnvironment,
                "Task '\(task.name)' (\(task.location)) runs in environment '\(name)', which is not configured. "
                    + "Configured environments: \(configuration.environmentNames.joined(separator: ", ")).",
                task: task.name, at: task.location)
        }
        return (name, settings)
    }
}
