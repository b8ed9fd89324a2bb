#if HTTP || WebSocket || GRPC || Backends
    package import WoveDSL
    package import WoveRuntime

    /// What every worker service does with the frames its clients send, whatever carries them:
    /// reads each into a command, runs `run_task` frames under a ``RunRegistry`` (so a
    /// `cancel_task` reaches its run, even one that has not arrived yet, and runs are capped), and
    /// answers Python wove's pickled frames, which a Swift worker cannot run, with a clear error.
    package struct WorkerServiceCore: Sendable {
        package let worker: WoveWorker
        package let runs: RunRegistry

        package init(worker: WoveWorker, maximumConcurrentRuns: Int) {
            self.worker = worker
            self.runs = RunRegistry(maximumConcurrentRuns: maximumConcurrentRuns)
        }

        /// A request a client sent, read.
        package enum Command: Sendable {
            /// A command frame to act on.
            case frame(WoveFrame)
            /// A `run_task` that cannot run here, answered at once with this event.
            case answered(WoveFrame)
        }

        /// Why a request is not a frame.
        package struct UnreadableFrame: Error, CustomStringConvertible {
            /// The reason, in one sentence.
            package let description: String
        }

        /// The command in `body`, one JSON frame.
        ///
        /// - Throws: ``UnreadableFrame`` saying why it is not one.
        package static func command(in body: [UInt8]) throws(UnreadableFrame) -> Command {
            // A frame read directly has only the fields of its type, so no pickles.
            if let frame = DirectFrameReader.frame(in: body) { return .frame(frame) }
            let frame: WoveFrame
            do {
                let envelope = try FrameEnvelope.parse(body)
                if let answer = pickledRunAnswer(envelope) { return .answered(answer) }
                frame = try envelope.frame()
            } catch {
                throw UnreadableFrame(
                    description: "The request is not a Wove frame: \(FrameLine.reason(error)).")
            }
            return .frame(frame)
        }

        /// The body of a refusal: `{"error": message}`, which executors quote in the task's error.
        package static func refusalBody(_ message: String) -> [UInt8] {
            (try? JSONValue.object(["error": .string(message)]).serialized()) ?? Array(#"{"error":""}"#.utf8)
        }

        /// For a `run_task` whose callable or arguments are Python pickles (what Python wove's
        /// executors send), the `config` error that says a Swift worker runs tasks by name, with
        /// JSON arguments.
        private static func pickledRunAnswer(_ envelope: FrameEnvelope) -> WoveFrame? {
            // Checked on every run: the common answer, none, is known from reading the keys.
            guard case .object(_, pickled: true) = envelope, envelope.string("type") == "run_task",
                let runID = envelope.string("run_id"), let taskID = envelope.string("task_id")
            else { return nil }
            let pickles = envelope.pickles
            let error = RemoteError(
                kind: "PickledFrame",
                message:
                    "Task '\(taskID)' was sent with Python pickles (\(pickles.joined(separator: ", "))), which a "
                    + "Swift worker cannot run: it runs the tasks it declares, by name, with JSON 'args'.",
                source: .config)
            return .taskError(runID: runID, taskID: taskID, error: error)
        }

        /// Registers `run` before it starts: see ``RunRegistry/begin(_:of:)``.
        package func admit(_ run: RunRequest) -> RunRegistry.Admission {
            runs.begin(run.runID, of: run.taskID)
        }

        /// Runs one admitted `run_task` in the calling task, which must be the run's own (a
        /// `cancel_task` or a shutdown cancels it), handing each event to `emit`, until it ends or
        /// is cancelled.
        package func run(_ request: RunRequest, emit: @escaping @Sendable (WoveFrame) async -> Void) async {
            await runs.run(request.runID) { await worker.run(request, emit: emit) }
        }

        /// Runs one admitted `run_task` as ``run(_:emit:)`` does, in a task of its own, for a caller
        /// whose task serves more than the run (a connection's requests, say): cancelling the caller
        /// cancels the run, not the other way round.
        package func runInOwnTask(_ request: RunRequest, emit: @escaping @Sendable (WoveFrame) async -> Void)
            async
        {
            // Started on this thread: a body that does not suspend has ended before the next
            // line, with no other thread woken to run it or to resume this one.
            let work = startImmediately { await run(request, emit: emit) }
            await withTaskCancellationHandler {
                await work.value
            } onCancel: {
                work.cancel()
            }
        }
    }
#endif

#if HTTP || WebSocket || GRPC || Backends
    import ServiceLifecycle

    extension WorkerServiceCore {
        /// Runs `serve` (the service's server) until it ends. Once graceful shutdown begins, runs
        /// get the settings' grace period, then those still going are cancelled.
        package func serve(
            with settings: WorkerServiceSettings, _ serve: @escaping @Sendable () async throws -> Void
        )
            async throws
        {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await serve() }
                group.addTask { [runs] in
                    try await gracefulShutdown()
                    try await Task.sleep(for: settings.shutdownGracePeriod)
                    settings.logger.notice("Cancelling runs still under way after the shutdown grace period")
                    runs.cancelAll()
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    extension WorkerServiceSettings {
        /// Logs that the `transport` service listens on `port`, and tells ``onServerRunning``.
        package func serverRunning(on port: Int, transport: String) async {
            logger.info("Wove \(transport) worker service listening", metadata: ["port": "\(port)"])
            await onServerRunning(port)
        }
    }
#endif
