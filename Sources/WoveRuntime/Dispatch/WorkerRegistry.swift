/// The tasks a worker can run, looked up by name as `run_task` frames address them.
package struct WorkerRegistry: Sendable {
    private let tasks: [String: Registered]

    /// A task, with the keys of the `args` its runs carry, worked out once rather than per run.
    private struct Registered: Sendable {
        let definition: TaskDefinition
        let argumentNames: [String]
    }

    /// Registers `definitions`; a later declaration of a name replaces an earlier one.
    package init(_ definitions: [TaskDefinition]) {
        var tasks: [String: Registered] = [:]
        for definition in definitions {
            tasks[definition.name] = Registered(
                definition: definition, argumentNames: definition.remoteArgumentNames)
        }
        self.tasks = tasks
    }

    /// The task registered as `name`, if any.
    package func definition(named name: String) -> TaskDefinition? { tasks[name]?.definition }

    /// The registered task names, sorted.
    package var names: [String] { tasks.keys.sorted() }

    /// Runs one `run_task` frame and returns the event frames it produced, in order:
    /// `task_started`, then `task_result`, `task_error` or `task_cancelled`.
    ///
    /// An unknown task, a task that cannot cross a process boundary, or arguments that do not
    /// decode produce a `task_error` with source `config`; nothing here traps.
    package func run(
        runID: String,
        taskID: String,
        args: [String: JSONValue],
        lane: BlockingLane,
        emit: @Sendable (WoveFrame) async -> Void
    ) async {
        func fail(_ error: RemoteError) async {
            await emit(.taskError(runID: runID, taskID: taskID, error: error))
        }
        guard let registered = tasks[taskID] else {
            await fail(
                RemoteError(
                    kind: "UnknownTask",
                    message:
                        "This worker has no task '\(taskID)'. It serves: \(names.joined(separator: ", ")).",
                    source: .config))
            return
        }
        let task = registered.definition
        guard let codec = task.codec, let body = task.remoteBody else {
            await fail(
                RemoteError(
                    kind: "NotDispatchable",
                    message: "Task '\(taskID)' (\(task.location)) does not have Codable inputs and output.",
                    source: .config))
            return
        }
        let arguments: [any Sendable]
        do {
            arguments = try codec.decodeArguments(args, names: registered.argumentNames)
        } catch {
            await fail(
                RemoteError(
                    kind: "UndecodableArguments",
                    message: "Task '\(taskID)' could not decode its arguments: \(error).", source: .config))
            return
        }
        await emit(.taskStarted(runID: runID, taskID: taskID))
        do {
            let value: any Sendable
            switch body {
            case .async(let body): value = try await body(arguments)
            case .sync(let body): value = try await lane.run { try body(arguments) }
            }
            await emit(.taskResult(runID: runID, taskID: taskID, result: try codec.encodeResult(value)))
        } catch is CancellationError where Task.isCancelled {
            await emit(.taskCancelled(runID: runID, taskID: taskID))
        } catch {
            // As a local task's error would be, it is worth another attempt.
            var payload = RemoteError(error, source: .task)
            payload.retryable = true
            await fail(payload)
        }
    }
}
