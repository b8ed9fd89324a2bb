/// A task's options resolved: the task's own → its environment's → the global configuration's →
/// built-in defaults. A class, shared by every task of a weave that sets none of its own in the
/// same environment, so that a graph of many such tasks holds one copy (see ``OptionResolver``).
final class ResolvedOptions: Sendable {
    let retries: Int
    let backoff: RetryBackoff
    let timeout: Duration?
    let workers: Int?
    let limitPerMinute: Int?
    /// The environment the task runs in.
    let environment: ResolvedEnvironment
    /// Whether the weave's observers hear of every attempt.
    let isObserved: Bool
    /// Whether the environment runs tasks in another process.
    let sendsRuns: Bool

    convenience init(_ options: TaskOptions, in environment: ResolvedEnvironment, defaults: OptionDefaults) {
        self.init(
            options, in: environment, configuration: defaults.configuration,
            isObserved: !defaults.observers.isEmpty)
    }

    init(
        _ options: TaskOptions,
        in environment: ResolvedEnvironment,
        configuration: WoveConfiguration,
        isObserved: Bool
    ) {
        let settings = environment.settings
        retries = options.retries ?? settings.retries ?? configuration.retries ?? 0
        backoff = options.backoff ?? .immediate
        timeout = options.timeout ?? settings.timeout ?? configuration.timeout
        workers = options.workers ?? settings.workers ?? configuration.workers
        limitPerMinute = options.limitPerMinute ?? settings.limitPerMinute ?? configuration.limitPerMinute
        self.environment = environment
        self.isObserved = isObserved
        sendsRuns = !settings.isLocal && settings.executor.makeExecutor != nil
    }

    /// Whether an attempt needs more than a direct call: no retries, timeout, backoff or
    /// observer (as ``AttemptPolicy/isPlain`` says of the policy made from these options).
    var isPlain: Bool { retries == 0 && timeout == nil && backoff == .immediate && !isObserved }
}

/// The options of the tasks of one weave, resolved while it compiles: each environment looked
/// up once, and one ``ResolvedOptions`` for all the tasks of an environment that set none of
/// their own (the usual case).
struct OptionResolver {
    private let defaults: OptionDefaults
    /// The environments tasks named, other than the weave's.
    private var named: [String: ResolvedEnvironment] = [:]
    /// The options of tasks that set none in environments other than the weave's (the
    /// defaults hold those of the weave's).
    private var unset: [ObjectIdentifier: ResolvedOptions] = [:]

    init(_ defaults: OptionDefaults) { self.defaults = defaults }

    /// The options `task` runs with; throws if its environment is not configured.
    mutating func options(for task: TaskDefinition) throws(WeaveError) -> ResolvedOptions {
        let environment = try self.environment(for: task)
        let options = task.options
        let defaults = self.defaults
        let resolve = { ResolvedOptions(options, in: environment, defaults: defaults) }
        guard options.setsNoneResolvedPerTask else { return resolve() }
        if environment === defaults.weaveEnvironmentResolved { return defaults.unsetInWeaveEnvironment }
        if let kept = unset[ObjectIdentifier(environment)] { return kept }
        let resolved = resolve()
        unset[ObjectIdentifier(environment)] = resolved
        return resolved
    }

    /// The task's environment and its settings; throws if it is not configured.
    private mutating func environment(for task: TaskDefinition) throws(WeaveError) -> ResolvedEnvironment {
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

extension TaskOptions {
    /// Whether none of the options ``ResolvedOptions`` resolves is set here (the environment
    /// and delivery settings aside): such tasks share their resolved options.
    fileprivate var setsNoneResolvedPerTask: Bool {
        if isUnset { return true }
        return retries == nil && backoff == nil && timeout == nil && workers == nil && limitPerMinute == nil
    }
}
