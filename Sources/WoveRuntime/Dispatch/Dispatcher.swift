/// A weave run's connections to its non-local environments, each started on first use and
/// stopped when the run ends.
final class Dispatcher: Sendable {
    private let runConfig: RunConfig
    private let clock: WoveClock
    private let channels = LockedValue<[String: Task<EnvironmentChannel, any Error>]>([:])

    init(runConfig: RunConfig, clock: WoveClock) {
        self.runConfig = runConfig
        self.clock = clock
    }

    /// Runs the task `name` in `environment` over `remote` with `arguments`, and returns its
    /// decoded output.
    func run(
        _ name: String,
        in environment: String,
        over remote: RemoteRoute,
        _ arguments: [any Sendable]
    ) async throws -> any Sendable {
        let channel: EnvironmentChannel
        do {
            channel = try await self.channel(for: environment, remote)
        } catch {
            throw EnvironmentExecutionError(
                payload: RemoteError(
                    kind: String(reflecting: type(of: error)),
                    message: "Environment '\(environment)' could not start: \(error)", source: .executor),
                taskName: name, environment: environment)
        }
        let args = try remote.codec.encodeArguments(arguments, names: remote.argumentNames)
        let result = try await channel.run(
            taskID: name, weave: remote.weaveName, args: args, settings: remote.delivery,
            idempotencyKey: remote.idempotencyKey?.filled(with: args))
        return try remote.codec.decodeResult(result)
    }

    /// Stops every environment that was started.
    func stop() async {
        let started = channels.withLock { $0.values }
        for starting in started {
            if let channel = try? await starting.value { await channel.stop() }
        }
    }

    private func channel(for environment: String, _ remote: RemoteRoute) async throws -> EnvironmentChannel {
        let runConfig = self.runConfig
        let clock = self.clock
        let starting = channels.withLock { channels in
            if let existing = channels[environment] { return existing }
            let start = Task {
                try await EnvironmentChannel.start(
                    name: environment, executor: try remote.makeExecutor(), config: remote.executorConfig,
                    runConfig: runConfig, clock: clock)
            }
            channels[environment] = start
            return start
        }
        return try await starting.value
    }
}

/// How a task reaches its non-local environment.
package struct RemoteRoute: Sendable {
    /// The executor for one weave run: a custom instance every time, a new `stdio` executor each run.
    let makeExecutor: @Sendable () throws -> any EnvironmentExecutor
    let executorConfig: [String: JSONValue]
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
}
