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

    /// Starts `run` on a thread of `lane` when its task is registered with a synchronous body that
    /// can run remotely, and counts it in `outstanding` until its last frame is emitted; otherwise
    /// returns `false` and starts nothing, and the run takes ``run(runID:taskID:args:lane:emit:)``,
    /// which also answers every error of an unknown task.
    ///
    /// That one thread decodes the arguments, runs the body and emits every frame, the same frames
    /// in the same order as ``run(runID:taskID:args:lane:emit:)``: no task of its own, and no hop
    /// back to the cooperative pool between the body and its answer. `emit` must not suspend; it
    /// may block this thread (``LineWriter/enqueue(_:)``). Like a synchronous body on the task
    /// path, the run cannot be cancelled once admitted: it answers when its body returns. Unlike
    /// there, `task_started` (or an error for arguments that do not decode) goes out when a thread
    /// takes the run, not when it arrives: later, when more runs than the lane's limit are under way.
    package func startDirect(
        _ run: RunRequest, lane: BlockingLane, outstanding: RunCount,
        emit: @escaping @Sendable (WoveFrame) -> Void
    ) -> Bool {
        guard let registered = tasks[run.taskID], let codec = registered.definition.codec,
            case .sync(let body) = registered.definition.remoteBody
        else { return false }
        let (runID, taskID, args, names) = (run.runID, run.taskID, run.args, registered.argumentNames)
        outstanding.enter()
        lane.submit(
            BlockingJob(
                run: {
                    defer { outstanding.leave() }
                    let arguments: [any Sendable]
                    do {
                        arguments = try codec.decodeArguments(args, names: names)
                    } catch {
                        return emit(
                            .taskError(runID: runID, taskID: taskID, error: Self.undecodable(taskID, error)))
                    }
                    emit(.taskStarted(runID: runID, taskID: taskID))
                    do {
                        let result = try codec.encodeResult(try body(arguments))
                        emit(.taskResult(runID: runID, taskID: taskID, result: result))
                    } catch {
                        emit(.taskError(runID: runID, taskID: taskID, error: Self.bodyFailure(error)))
                    }
                },
                cancel: {
                    // Only if the lane is cancelled, which a worker's never is; answered all the
                    // same, as the task path would answer it.
                    emit(.taskStarted(runID: runID, taskID: taskID))
                    emit(.taskCancelled(runID: runID, taskID: taskID))
                    outstanding.leave()
                }))
        return true
    }

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
            await fail(Self.undecodable(taskID, error))
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
            await fail(Self.bodyFailure(error))
        }
    }

    /// The `config` error answering arguments of `taskID` that did not decode.
    private static func undecodable(_ taskID: String, _ error: any Error) -> RemoteError {
        RemoteError(
            kind: "UndecodableArguments",
            message: "Task '\(taskID)' could not decode its arguments: \(error).",
            source: .config)
    }

    /// The error answering a body that threw, or a result that did not encode: as a local task's
    /// error would be, it is worth another attempt.
    private static func bodyFailure(_ error: any Error) -> RemoteError {
        var payload = RemoteError(error, source: .task)
        payload.retryable = true
        return payload
    }
}
