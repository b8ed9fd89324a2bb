#if Backends
    import AsyncHTTPClient
    import Dispatch
    import Foundation
    import WoveDSL
    import WoveNetwork
    import WoveRuntime

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Musl)
        import Musl
    #endif

    /// The job side of a backend executor: the user's own executable, started by the scheduler,
    /// runs the one task its payload names and reports back.
    ///
    /// Call ``enable()`` before `WoveWorker.runIfRequested()`, at the start of `main`, with the
    /// tasks the jobs may run (`registerSlurmExecutors()` and `registerRayExecutors()` call it):
    ///
    /// ```swift
    /// BackendWorker.enable()
    /// await WoveWorker { ReportTasks().tasks }.runIfRequested()  // a job runs its task and exits here
    /// ```
    ///
    /// A job reads its payload from `WOVE_BACKEND_PAYLOAD` (base64 of its JSON), the file
    /// `WOVE_BACKEND_PAYLOAD_FILE` names, or the argument after `--wove-backend-payload`; POSTs
    /// `task_started`, heartbeats if its delivery asks for them, then `task_result`, `task_error`
    /// or, on `SIGTERM` (a cancel from Wove, `scancel`, Ray's stop, a time limit), `task_cancelled`;
    /// and exits with an ``ExitStatus``. Each callback is tried again on failure, with backoff; one
    /// that still cannot be delivered (or is refused) cancels the task, which could report nothing more.
    public enum BackendWorker {
        /// How a job's process ends.
        public enum ExitStatus: Int32, Sendable {
            /// The task's result was delivered.
            case succeeded = 0
            /// The task failed, and its error was delivered.
            case taskFailed = 1
            /// The payload could not be read, or its callback security set up: nothing ran, and
            /// nothing could be reported.
            case invalidPayload = 65
            /// An event could not be delivered to the submitting process.
            case callbackFailed = 75
            /// The job was cancelled (`SIGTERM`), and said so.
            case cancelled = 143
        }

        /// Makes `WoveWorker.runIfRequested()` run backend jobs.
        public static func enable() {
            BackendWorkerMode.runner.withLock { runner in
                runner = { worker, source in await run(worker, payload: source).rawValue }
            }
        }

        static func run(_ worker: WoveWorker, payload source: BackendWorkerMode.Source) async -> ExitStatus {
            let payload: BackendPayload
            let security: NetworkExecutorSecurity
            do {
                payload = try read(source)
                security = try NetworkExecutorSecurity(
                    configuration: payload.callbackSecurity, at: "the payload's callback_security")
            } catch {
                report("\(error)")
                return .invalidPayload
            }
            guard let url = URL(string: payload.callbackURL),
                let request = payload.run.runRequest
            else {
                report("Invalid Wove backend payload: callback_url '\(payload.callbackURL)' is not a URL.")
                return .invalidPayload
            }
            var configuration = HTTPClient.Configuration()
            // A submitter that is gone refuses connections, which the client retries until this
            // passes: each try gives up after it, so a job ends within seconds.
            configuration.timeout.connect = .seconds(2)
            let client = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            let poster = CallbackPoster(url: url, security: security, client: client)
            let outcome = LockedValue<(last: WoveFrame?, failure: String?)>((nil, nil))
            // Set once the run has started; a frame that cannot be delivered cancels it, since
            // nothing it does from then on could be reported.
            let running = LockedValue<Task<Void, Never>?>(nil)
            let run = Task {
                await worker.run(request) { frame in
                    // After one undeliverable frame, the rest would only fail the same way, slowly.
                    guard outcome.withLock({ $0.failure == nil }) else { return }
                    do {
                        // In a task of its own: a run cancelled by SIGTERM must still report
                        // `task_cancelled`, and a heartbeat cut short by the run's end is no failure.
                        try await Task { try await poster.post(frame) }.value
                    } catch {
                        if case .heartbeat = frame { return }
                        outcome.withLock { $0.failure = $0.failure ?? "\(error)" }
                        running.withLock { $0 }?.cancel()
                    }
                    if frame.isTerminal { outcome.withLock { $0.last = frame } }
                }
            }
            running.withLock { $0 = run }
            let termination = onTermination { run.cancel() }
            await run.value
            termination.cancel()
            try? await client.shutdown()
            let (last, failure) = outcome.withLock { $0 }
            if let failure {
                report(failure)
                return .callbackFailed
            }
            switch last {
            case .taskResult?: return .succeeded
            case .taskCancelled?: return .cancelled
            default: return .taskFailed
            }
        }

        private static func read(_ source: BackendWorkerMode.Source) throws -> BackendPayload {
            switch source {
            case .missing:
                throw BackendPayloadError(
                    "this process was started as a job (\(BackendWorkerMode.jobVariable)=1) without its payload: "
                        + "the scheduler did not pass \(BackendWorkerMode.payloadVariable) or "
                        + "\(BackendWorkerMode.payloadFileVariable) on")
            case .encoded(let text):
                return try BackendPayload(decoding: Array(text.utf8))
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw BackendPayloadError("the payload file '\(path)' cannot be read")
                }
                return try BackendPayload(decoding: Array(data))
            }
        }

        /// Calls `handler` once on `SIGTERM`, which no longer ends the process by itself.
        private static func onTermination(_ handler: @escaping @Sendable () -> Void)
            -> any DispatchSourceSignal
        {
            signal(SIGTERM, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }

        private static func report(_ message: String) {
            FileHandle.standardError.write(Data("wove backend job: \(message)\n".utf8))
        }
    }
#endif
