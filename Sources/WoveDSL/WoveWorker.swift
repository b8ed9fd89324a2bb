/// Serves tasks to other processes: the receiving end of Wove's frame protocol.
///
/// A worker is built with the same DSL as a weave, from the same task declarations, so a task
/// leaves a process by name and runs here with its own body:
///
/// ```swift
/// let worker = WoveWorker {
///     StandardReport().tasks
///     Task("render_report", after: "account") { (account: Account) in render(account) }
/// }
/// ```
///
/// Each `run_task` frame runs concurrently with the others; `cancel_task` cancels its run;
/// `shutdown` ends ``serve(_:emit:)`` after cancelling what still runs. (A synchronous body
/// cannot be interrupted: once it has started, its run answers when it returns.) A run whose
/// `delivery_heartbeat_seconds` is positive emits a `heartbeat` frame every half that many seconds
/// while it runs. To serve over stdin/stdout, as the built-in `stdio` executor expects, see
/// ``runIfRequested()`` and ``serveStandardIO()``. An unknown task or
/// arguments that do not decode answer with a `task_error` of source `config`; a malformed frame
/// is answered with a `log` frame. Nothing a peer sends can crash the worker.
public struct WoveWorker: Sendable {
    let registry: WorkerRegistry
    private let lane: BlockingLane
    private let tracer: (any WeaveTracer)?

    /// A worker serving the tasks declared in `content`.
    ///
    /// - Parameters:
    ///   - maxWorkers: The most synchronous bodies that run at once.
    ///   - tracer: Continues the caller's trace in a span per run, a child of the caller's
    ///     attempt span that the `run_task` frame carries; the task's body runs with it current.
    ///     Default: the first ``WeaveTracer`` among ``WoveConfiguration/observers``, if any.
    ///   - content: The tasks, declared as in a weave.
    public init(
        maxWorkers: Int = 256, tracer: (any WeaveTracer)? = nil,
        @WeaveBuilder _ content: () throws -> TaskList
    ) rethrows {
        registry = WorkerRegistry(try content().definitions)
        lane = BlockingLane(limit: max(1, maxWorkers))
        self.tracer = tracer
    }

    /// The task names this worker serves, sorted.
    public var taskNames: [String] { registry.names }

    /// Serves command frames from `frames` until `shutdown` or the end of the sequence, calling
    /// `emit` with each event frame. Returns once every run has settled.
    public func serve(
        _ frames: some AsyncSequence<WoveFrame, any Error> & Sendable,
        emit: @escaping @Sendable (WoveFrame) async -> Void
    ) async {
        await serve(inputs: frames.map { @Sendable frame in WorkerInput.frame(frame) }, emit: emit)
    }

    /// Serves frames, and answers each unreadable line with a `log` frame saying why.
    ///
    /// With `emitNow`, which must queue a frame after those emitted before and return at once, a
    /// run that needs neither heartbeats nor a tracer, of a task with a synchronous body, is
    /// carried from its arguments to its answer by one blocking thread, with no task of its own
    /// (see `WorkerRegistry.startDirect`).
    func serve(
        inputs: some AsyncSequence<WorkerInput, any Error> & Sendable,
        emit: @escaping @Sendable (WoveFrame) async -> Void,
        emitNow: (@Sendable (WoveFrame) -> Void)? = nil
    ) async {
        let runs = RunTable()
        let directRuns = RunCount()
        await withDiscardingTaskGroup { group in
            do {
                for try await input in inputs {
                    guard case .frame(let frame) = input else {
                        if case .unreadable(let reason) = input {
                            await emit(.log(message: "Invalid stdio worker frame: \(reason)."))
                        }
                        continue
                    }
                    if let run = frame.runRequest {
                        if let emitNow, canRunDirectly(run),
                            registry.startDirect(run, lane: lane, outstanding: directRuns, emit: emitNow)
                        {
                            continue
                        }
                        runs.expect(run.runID)
                        group.addTask { await runs.run(run.runID) { await self.run(run, emit: emit) } }
                        continue
                    }
                    switch frame {
                    case .cancelTask(let runID, _, _, _):
                        runs.cancel(runID)
                    case .shutdown:
                        runs.cancelAll()
                        return
                    default:
                        await emit(.log(message: "Unexpected frame type '\(frame.type)' sent to a worker."))
                    }
                }
            } catch {
                await emit(.log(message: "Worker input failed: \(error)"))
            }
            runs.cancelAll()
        }
        await directRuns.waitUntilNone()
    }
}

extension WoveWorker {
    /// Whether a blocking thread may carry `run` on its own: it beats no heartbeats, no span
    /// traces it, and its delivery numbers are valid (the task path answers those that are not).
    private func canRunDirectly(_ run: RunRequest) -> Bool {
        run.delivery.problem == nil && Self.heartbeatInterval(run.delivery.heartbeatSeconds) == nil
            && tracer == nil && Wove.configuredTracer == nil
    }

    /// The interval a run's `delivery_heartbeat_seconds` asks for, `nil` if it asks for none.
    private static func heartbeatInterval(_ seconds: Double?) -> Double? {
        guard let seconds, seconds > 0, seconds.isFinite else { return nil }
        return seconds
    }

    /// Runs one `run_task`: emits `task_started`, `heartbeat` frames every half of its
    /// `delivery_heartbeat_seconds`, then `task_result`, `task_error` or, if the calling task is
    /// cancelled, `task_cancelled`. Delivery numbers out of range are answered with a `config`
    /// `task_error` without running anything. With a tracer, the run is a span, a child of the
    /// caller's span the frame carries, current while the body runs; it records a failure or a
    /// cancellation as its error.
    package func run(_ run: RunRequest, emit: @escaping @Sendable (WoveFrame) async -> Void) async {
        guard let tracer = tracer ?? Wove.configuredTracer else { return await perform(run, emit: emit) }
        let span = tracer.startRemoteRunSpan(task: run.taskID, runID: run.runID, context: run.trace)
        let failure = LockedValue<RemoteError?>(nil)
        await span.withCurrent {
            await perform(run) { frame in
                switch frame {
                case .taskError(_, _, let error): failure.withLock { $0 = error }
                case .taskCancelled:
                    failure.withLock {
                        $0 = RemoteError(
                            kind: "TaskCancelled", message: "The run was cancelled.", source: .executor)
                    }
                default: break
                }
                await emit(frame)
            }
        }
        span.end(error: failure.withLock { $0 })
    }

    /// Runs `run` and emits its frames (see ``run(_:emit:)``).
    private func perform(_ run: RunRequest, emit: @escaping @Sendable (WoveFrame) async -> Void) async {
        let (runID, taskID) = (run.runID, run.taskID)
        if let problem = run.delivery.problem {
            let error = RemoteError(kind: "InvalidDelivery", message: problem, source: .config)
            return await emit(.taskError(runID: runID, taskID: taskID, error: error))
        }
        await Self.withHeartbeats(
            every: run.delivery.heartbeatSeconds, runID: runID, taskID: taskID, emit: emit
        ) {
            await registry.run(runID: runID, taskID: taskID, args: run.args, lane: lane, emit: emit)
        }
    }

    /// Runs `body`, emitting a `heartbeat` frame every half of `seconds` (when positive) until it
    /// returns: `seconds` is the longest silence the caller allows, so beating at the limit
    /// itself would race its watchdog.
    fileprivate static func withHeartbeats(
        every seconds: Double?,
        runID: String,
        taskID: String,
        emit: @escaping @Sendable (WoveFrame) async -> Void,
        _ body: () async -> Void
    ) async {
        guard let seconds = heartbeatInterval(seconds) else {
            await body()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while (try? await Task.sleep(for: .seconds(seconds / 2))) != nil {
                    await emit(.heartbeat(runID: runID, taskID: taskID))
                }
            }
            await body()
            group.cancelAll()
        }
    }
}

/// What a worker reads: a frame, or a line that was not one.
enum WorkerInput: Sendable {
    case frame(WoveFrame)
    /// A line that is not a frame, with the reason.
    case unreadable(String)
}
