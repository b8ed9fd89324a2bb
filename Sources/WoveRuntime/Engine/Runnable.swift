/// What the scheduler needs to run one task, besides its body, with its options resolved (a
/// class, so handing it to each run of the task is one reference):
/// the task's own → the task's environment → the global configuration → built-in defaults.
///
/// It holds no body, which is each weave's own (``CompiledGraph/body(at:)``): weaves of one shape
/// whose tasks set no option share their runnables (``RunnableMemo``).
package final class Runnable: Sendable {
    package let name: String
    package let location: SourceLocation
    /// The kind of body it was resolved for.
    let bodyKind: TaskBody.Kind
    /// Its options, resolved; shared with the weave's other tasks that set none.
    let options: ResolvedOptions
    /// Whether a mapped task's items come from an upstream node (passed as the last argument).
    package let mapsUpstream: Bool
    /// How the task reaches its environment, when that environment is not local.
    package let remote: RemoteRoute?
    /// Whether its body is synchronous, local and plain (one attempt, no timeout, no observer),
    /// so it runs straight on a blocking-pool thread, with no child task waiting for it.
    let runsOnPool: Bool
    /// Whether its body is `async`, local and plain, so that running it is one call.
    let runsPlainAsync: Bool

    /// The task `definition`, running with `options`, resolved against `defaults`.
    init(_ definition: TaskDefinition, options: ResolvedOptions, defaults: OptionDefaults) throws {
        name = definition.name
        location = definition.location
        bodyKind = definition.bodyKind
        self.options = options
        remote =
            options.sendsRuns
            ? try Self.route(
                definition, to: options.environment.name, options.environment.settings,
                delivery: defaults.configuration.delivery)
            : nil
        mapsUpstream = definition.mappingSourceName != nil
        let plain = remote == nil && options.isPlain
        runsOnPool = plain && bodyKind == .sync
        runsPlainAsync = plain && bodyKind == .async
    }

    package var workers: Int? { options.workers }
    package var limitPerMinute: Int? { options.limitPerMinute }
    /// The environment the task runs in.
    package var environment: String { options.environment.name }

    /// How its attempts run: retries, backoff, timeout, and what events name.
    package var policy: AttemptPolicy {
        var policy = AttemptPolicy(taskName: name, location: location)
        policy.retries = options.retries
        policy.backoff = options.backoff
        policy.timeout = options.timeout
        policy.environment = options.environment.name
        policy.isObserved = options.isObserved
        policy.sendsRuns = remote != nil
        return policy
    }

    /// The route to a non-local environment; throws if the task cannot take it.
    private static func route(
        _ definition: TaskDefinition,
        to name: String,
        _ environment: EnvironmentSettings,
        delivery globalDelivery: DeliverySettings
    ) throws -> RemoteRoute? {
        guard let makeExecutor = environment.executor.makeExecutor else { return nil }
        try definition.checkRemoteArgumentNames()
        let delivery = definition.options.delivery.inheriting(from: environment.delivery).inheriting(
            from: globalDelivery)
        guard let codec = definition.codec, definition.remoteBody != nil else {
            let inputs = definition.inputs.map(\.type.description).joined(separator: ", ")
            throw MissingDispatchFeatureError(
                reason:
                    "Task '\(definition.name)' (\(definition.location)) is routed to environment '\(name)', so its "
                    + (definition.mapping == nil ? "" : "items, ")
                    + "inputs (\(inputs.isEmpty ? "none" : inputs)) and output (\(definition.outputType)) must all be "
                    + "Codable to cross a process boundary.",
                taskName: definition.name, location: definition.location)
        }
        let template = delivery.idempotencyKey.map(IdempotencyTemplate.init)
        let argumentNames = definition.remoteArgumentNames
        // A task's own key must match its arguments; a key inherited from its environment or the
        // global settings serves many tasks, so a placeholder a task lacks stays as written.
        if definition.options.delivery.idempotencyKey != nil,
            let unknown = template?.placeholders.first(where: { !argumentNames.contains($0) })
        {
            throw WeaveError(
                .invalidOption,
                "Task '\(definition.name)' (\(definition.location)) has delivery idempotencyKey "
                    + "'\(delivery.idempotencyKey ?? "")', but '{\(unknown)}' names none of its arguments ("
                    + (argumentNames.isEmpty ? "it has none" : argumentNames.joined(separator: ", ")) + ").",
                task: definition.name, at: definition.location)
        }
        return RemoteRoute(
            makeExecutor: makeExecutor, executorConfig: environment.executor.configuration,
            stopTimeout: environment.stopTimeout ?? EnvironmentSettings.defaultStopTimeout, codec: codec,
            argumentNames: argumentNames, weaveName: definition.weaveName, delivery: delivery,
            idempotencyKey: template)
    }
}

/// The defaults tasks fall back on: the configuration snapshot and the weave's environment (a
/// class: every task of the weave reads it, and a reference is all they copy).
package final class OptionDefaults: Sendable {
    package let configuration: WoveConfiguration
    /// The weave's environment, used by tasks that name none.
    package let weaveEnvironment: String
    /// The weave's environment, looked up once for all the tasks that run in it.
    let weaveEnvironmentResolved: ResolvedEnvironment
    /// The weave's observers, then the configuration's.
    package let observers: [any WeaveObserver]
    /// The options of the tasks in the weave's environment that set none of their own: resolved
    /// here, so that weaves sharing these defaults (see ``ConfigurationSnapshot``) share them too.
    let unsetInWeaveEnvironment: ResolvedOptions
    /// Whether weaves share these defaults: those a ``ConfigurationSnapshot`` makes once for every
    /// weave that sets no option of its own. Only runnables resolved against such defaults are
    /// worth keeping for the next weave (``RunnableMemo``).
    let isShared: Bool

    init(
        configuration: WoveConfiguration,
        weaveEnvironment: String,
        settings: EnvironmentSettings,
        observers: [any WeaveObserver],
        isShared: Bool
    ) {
        self.isShared = isShared
        self.configuration = configuration
        self.weaveEnvironment = weaveEnvironment
        let environment = ResolvedEnvironment(name: weaveEnvironment, settings: settings)
        self.weaveEnvironmentResolved = environment
        self.observers = observers
        unsetInWeaveEnvironment = ResolvedOptions(
            TaskOptions(), in: environment, configuration: configuration, isObserved: !observers.isEmpty)
    }
}
