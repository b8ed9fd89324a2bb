import Synchronization

/// A weave run's connections to its non-local environments, each started on first use and
/// stopped when the run ends.
final class Dispatcher: Sendable {
    private let runConfig: RunConfig
    private let channels = Mutex<[String: Task<EnvironmentChannel, any Error>]>([:])

    init(runConfig: RunConfig) { self.runConfig = runConfig }

    /// Runs the task `name` in `environment` over `remote` with `arguments`, and returns its
    /// decoded output.
    func run(
        _ name: String,
        in environment: String,
        over remote: RemoteRoute,
        _ arguments: [any Sendable]
    ) async throws -> any Sendable {
        let channel = try await channel(for: environment, remote)
        let args = try remote.codec.encodeArguments(arguments, names: remote.argumentNames)
        let result = try await channel.run(taskID: name, weave: nil, args: args, delivery: Delivery())
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
        let starting = channels.withLock { channels in
            if let existing = channels[environment] { return existing }
            let start = Task {
                try await EnvironmentChannel.start(
                    name: environment, executor: try remote.makeExecutor(), config: remote.executorConfig,
                    runConfig: runConfig)
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
    /// The `args` keys: the task's dependency names, in parameter order.
    let argumentNames: [String]
}
