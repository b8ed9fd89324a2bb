/// A weave run's connections to its non-local environments, each started on first use and
/// stopped when the run ends.
final class Dispatcher: Sendable {
    private let runConfig: RunConfig
    private let clock: WoveClock
    /// The run's observation: only attempts of this run report the runs they send.
    private let observation: WeaveObservation?
    private let channels = LockedValue<[String: (channel: EnvironmentChannel, stopTimeout: Duration)]>([:])

    init(runConfig: RunConfig, clock: WoveClock, observation: WeaveObservation?) {
        self.runConfig = runConfig
        self.clock = clock
        self.observation = observation
    }

    /// Runs the task `name` in `environment` over `remote` with `arguments`, and returns its
    /// decoded output.
    func run(
        _ name: String,
        in environment: String,
        over remote: RemoteRoute,
        _ arguments: [any Sendable]
    ) async throws -> any Sendable {
        let channel = try channel(for: environment, remote, task: name)
        let args = try remote.codec.encodeArguments(arguments, names: remote.argumentNames)
        let result = try await channel.run(
            taskID: name, weave: remote.weaveName, args: args, settings: remote.delivery,
            idempotencyKey: remote.idempotencyKey?.filled(with: args))
        return try remote.codec.decodeResult(result)
    }

    /// Stops every environment that was started, all at once, each within its stop timeout.
    ///
    /// - Returns: An error naming the environments that did not stop in time, if any.
    func stop() async -> WeaveError? {
        let started = channels.withLock { Array($0.values) }
        if started.isEmpty { return nil }
        let late = await withTaskGroup(of: String?.self) { group in
            for (channel, timeout) in started {
                group.addTask { await channel.stop(within: timeout) ? nil : channel.name }
            }
            return await group.reduce(into: [String]()) { late, name in if let name { late.append(name) } }
        }
        guard !late.isEmpty else { return nil }
        let details = late.sorted().map { name in
            let timeout = started.first { $0.channel.name == name }?.stopTimeout ?? .zero
            return "'\(name)' (stop timeout \(timeout))"
        }
        return WeaveError(
            .environmentDidNotStop,
            "Environment \(details.joined(separator: ", ")) did not stop in time: a call into its executor "
                + "(recv(), send or stop()) was still running when the timeout passed, so the weave returned "
                + "without it. An EnvironmentExecutor's recv() must end once its task is cancelled or stop() "
                + "is called.")
    }

    private func channel(for environment: String, _ remote: RemoteRoute, task: String) throws
        -> EnvironmentChannel
    {
        if let existing = channels.withLock({ $0[environment]?.channel }) { return existing }
        let executor: any EnvironmentExecutor
        do {
            executor = try remote.makeExecutor()
        } catch {
            throw EnvironmentExecutionError.environmentCouldNotStart(environment, task: task, cause: error)
        }
        let runConfig = self.runConfig
        let clock = self.clock
        let observation = self.observation
        // Another task may have started the environment meanwhile; its channel wins, and the
        // executor made here is dropped unstarted.
        return channels.withLock { channels in
            if let existing = channels[environment] { return existing.channel }
            let channel = EnvironmentChannel(
                name: environment, executor: executor, config: remote.executorConfig, runConfig: runConfig,
                clock: clock, observation: observation)
            channels[environment] = (channel, remote.stopTimeout)
            return channel
        }
    }
}

/// How a task reaches its non-local environment.
package final class RemoteRoute: Sendable {
    /// The executor for one weave run: a custom instance every time, a new `stdio` executor each run.
    let makeExecutor: @Sendable () throws -> any EnvironmentExecutor
    let executorConfig: [String: JSONValue]
    /// How long stopping the environment may take once the weave run is over.
    let stopTimeout: Duration
    let codec: any RemoteCodec.Type
    /// The `args` keys: the task's dependency names in parameter order, after `item` for a
    /// mapped task.
    let argumentNames: [String]
    /// The ``Weave`` the task was declared in, if any.
    let weaveName: String?
    /// The task's delivery settings, resolved task → environment → global.
    let delivery: DeliverySettings
    /// The delivery's idempotency key template, if any.
    let idempotencyKey: IdempotencyTemplate?

    init(
        makeExecutor: @escaping @Sendable () throws -> any EnvironmentExecutor,
        executorConfig: [String: JSONValue],
        stopTimeout: Duration,
        codec: any RemoteCodec.Type,
        argumentNames: [String],
        weaveName: String?,
        delivery: DeliverySettings,
        idempotencyKey: IdempotencyTemplate?
    ) {
        self.makeExecutor = makeExecutor
        self.executorConfig = executorConfig
        self.stopTimeout = stopTimeout
        self.codec = codec
        self.argumentNames = argumentNames
        self.weaveName = weaveName
        self.delivery = delivery
        self.idempotencyKey = idempotencyKey
    }
}
