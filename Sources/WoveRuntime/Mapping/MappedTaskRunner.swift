/// Runs a mapped task: prepares its items, enforces `maxPending`, runs the items, collects results.
enum MappedTaskRunner {
    static func run(
        _ body: MappedBody,
        _ runnable: Runnable,
        _ arguments: [any Sendable],
        _ run: WeaveRun
    ) async throws -> any Sendable {
        // An upstream source is the last argument; the body's own inputs come first.
        let hasSource = runnable.mapsUpstream && !arguments.isEmpty
        let source = hasSource ? arguments.last : nil
        let inputs = hasSource ? Array(arguments.dropLast()) : arguments
        let items: MappedRun
        if let remote = runnable.remote, let remoteMapping = body.remote {
            let name = runnable.name
            let environment = runnable.environment
            items = try remoteMapping.prepare(source, inputs) { arguments in
                try await run.dispatch(name, in: environment, over: remote, arguments)
            }
        } else {
            items = try body.prepare(source, inputs)
        }
        try run.checkPending(
            items.count, "Mapped task '\(runnable.name)' (\(runnable.location))", task: runnable.name,
            at: runnable.location)
        return try await items.execute(
            runnable.workers ?? MapRunner.defaultWorkers(async: items.isAsync, in: run),
            runnable.limitPerMinute, runnable.policy, run)
    }
}
