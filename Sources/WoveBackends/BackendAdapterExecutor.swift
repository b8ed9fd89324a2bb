#if Backends
    import Foundation
    import WoveDSL
    import WoveNetwork
    package import WoveRuntime

    /// Runs tasks as jobs of a cluster scheduler through a ``BackendAdapter``: SPEC §17's
    /// `BackendAdapterEnvironmentExecutor`.
    ///
    /// `start` starts the callback server, then the adapter. Each `run_task` becomes a payload
    /// and a job (the run is known before the job is submitted, so a job that reports at once is
    /// heard); each `cancel_task` cancels its job. The callback server's frames are the
    /// executor's events: a terminal one ends its run, and anything later for that run is ignored.
    /// While runs are pending, the adapter is asked where their jobs are every poll interval; a
    /// job that ended without reporting fails its run one interval later, naming the job and its
    /// final state. A job cancelled outside Wove (its `task_cancelled` unasked for) fails its run
    /// the same way. `stop` closes the adapter, stops the server and removes payload files.
    package final class BackendAdapterExecutor: InboxBackedExecutor {
        package let inbox = FrameInbox()
        private let name: String
        private let adapter: any BackendAdapter
        private let adapterKeys: [String]
        private let state = LockedValue(State())

        private struct State: Sendable {
            var started: Started?
            var runs: [String: TrackedRun] = [:]
            /// Runs whose outcome was delivered: what still comes for them is ignored.
            var finished: Set<String> = []
        }

        private struct Started: Sendable {
            let settings: BackendSettings
            let server: CallbackServer
            let callbackURL: String
            let poller: Task<Void, Never>
        }

        private struct TrackedRun: Sendable {
            let taskID: String
            var submission: BackendSubmission?
            var payloadFile: String?
            var cancelRequested = false
            /// The final state the scheduler reported, at the poll that first saw it.
            var endedState: String?
        }

        /// An executor named `name` (`slurm`, `ray`, …) that submits through `adapter`, whose own
        /// settings are `adapterKeys`.
        package init(name: String, adapter: any BackendAdapter, adapterKeys: [String]) {
            self.name = name
            self.adapter = adapter
            self.adapterKeys = adapterKeys
        }

        package func start(
            environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig
        )
            async throws
        {
            let settings = try BackendSettings(
                environmentConfig, name: name, adapterKeys: adapterKeys,
                at: "environments.\(environmentName).executor_config")
            let server = CallbackServer(settings: settings.callbacks) { [weak self] frame in
                self?.accept(frame) ?? .ignored
            }
            let callbackURL = try await server.start()
            do {
                try await adapter.start(
                    BackendContext(
                        environmentName: environmentName, configuration: environmentConfig,
                        callbackURL: callbackURL, runConfig: runConfig))
            } catch {
                await server.stop()
                throw error
            }
            let poller = Task { [weak self, interval = settings.pollInterval] in
                while (try? await Task.sleep(for: interval)) != nil {
                    await self?.poll()
                }
            }
            state.withLock {
                $0.started = Started(
                    settings: settings, server: server, callbackURL: callbackURL, poller: poller)
            }
        }

        package func send(_ frame: WoveFrame) async throws {
            switch frame {
            case .runTask(let runID, let taskID, _, _, _, _):
                try await submit(frame, runID: runID, taskID: taskID)
            case .cancelTask(let runID, _, _, _):
                let submission = state.withLock { state -> BackendSubmission? in
                    state.runs[runID]?.cancelRequested = true
                    return state.runs[runID]?.submission
                }
                if let submission { try await adapter.cancel(runID: runID, submission: submission) }
            case .shutdown: break
            default: throw BackendExecutorError("\(name) executor cannot send a '\(frame.type)' frame.")
            }
        }

        package func recv() async throws -> WoveFrame {
            _ = try started()
            return try await inbox.next()
        }

        package func stop() async throws {
            let (started, files) = state.withLock { state in
                defer {
                    state.started = nil
                    state.runs = [:]
                }
                return (state.started, state.runs.values.compactMap(\.payloadFile))
            }
            started?.poller.cancel()
            defer { inbox.fail(BackendExecutorError("\(name) executor is stopped.")) }
            for file in files { try? FileManager.default.removeItem(atPath: file) }
            guard let started else { return }
            do {
                try await adapter.close()
            } catch {
                await started.server.stop()
                throw error
            }
            await started.server.stop()
        }

        /// The callback server's frames that were ignored so far.
        package var ignoredCallbacks: Int { state.withLock { $0.started?.server.ignoredFrames ?? 0 } }

        // MARK: - Runs

        private func started() throws(BackendExecutorError) -> Started {
            guard let started = state.withLock({ $0.started }) else {
                throw BackendExecutorError("\(name) executor was not started.")
            }
            return started
        }

        private func submit(_ frame: WoveFrame, runID: String, taskID: String) async throws {
            let started = try started()
            let payload = BackendPayload(
                adapter: name, callbackURL: started.callbackURL,
                callbackSecurity: started.settings.callbackSecurity,
                run: frame)
            var environment = [BackendWorkerMode.jobVariable: "1"]
            var payloadFile: String?
            let encoded = try payload.encoded()
            if encoded.utf8.count <= BackendSettings.inlinePayloadLimit {
                environment[BackendWorkerMode.payloadVariable] = encoded
            } else {
                let path = URL(fileURLWithPath: started.settings.payloadDirectory)
                    .appendingPathComponent("wove-payload-\(UUID().uuidString).json").path
                // Readable by this user only: it holds the run's arguments and the callback token.
                guard
                    FileManager.default.createFile(
                        atPath: path, contents: Data(try payload.json.serialized()),
                        attributes: [.posixPermissions: 0o600])
                else {
                    throw BackendExecutorError(
                        "\(name) executor could not write the payload of task '\(taskID)' to \(path) "
                            + "(executor_config.payload_directory).")
                }
                environment[BackendWorkerMode.payloadFileVariable] = path
                payloadFile = path
            }
            state.withLock { $0.runs[runID] = TrackedRun(taskID: taskID, payloadFile: payloadFile) }
            let job = BackendJob(
                runID: runID, taskID: taskID, command: started.settings.command, environment: environment,
                payload: payload)
            let submission: BackendSubmission
            do {
                // In a task of its own: a caller cancelled mid-request must not leave a job the
                // scheduler took but this executor never heard of.
                submission = try await Task { [adapter] in try await adapter.submit(job) }.value
            } catch {
                forget(runID)
                throw BackendExecutorError(
                    "\(adapter.engineName) could not take the job of task '\(taskID)' (run \(runID)): \(error)"
                )
            }
            let cancelled = state.withLock { state -> Bool in
                state.runs[runID]?.submission = submission
                return state.runs[runID]?.cancelRequested ?? false
            }
            if cancelled { try await adapter.cancel(runID: runID, submission: submission) }
        }

        /// Takes a frame from the callback server: delivers it unless its run is over or unknown.
        private func accept(_ frame: WoveFrame) -> CallbackServer.Verdict {
            guard let runID = frame.runID else {
                if case .log(let message) = frame { inbox.push(.log(message: message)) }
                return .delivered
            }
            let terminal = frame.isTerminal
            let tracked = state.withLock { state -> TrackedRun? in
                // A frame must name its run's own task: one job cannot speak for another's run.
                guard !state.finished.contains(runID), let run = state.runs[runID], run.taskID == frame.taskID
                else { return nil }
                if terminal {
                    state.finished.insert(runID)
                    state.runs[runID] = nil
                }
                return run
            }
            guard let tracked else { return .ignored }
            if terminal, let file = tracked.payloadFile { try? FileManager.default.removeItem(atPath: file) }
            if case .taskCancelled(_, let taskID) = frame, !tracked.cancelRequested {
                inbox.push(
                    lost(
                        runID: runID, taskID: taskID, tracked,
                        "was cancelled outside Wove (a scheduler command, a time limit, or the node going away)"
                    ))
            } else {
                inbox.push(frame)
            }
            return .delivered
        }

        private func forget(_ runID: String) {
            let file = state.withLock { $0.runs.removeValue(forKey: runID)?.payloadFile }
            if let file { try? FileManager.default.removeItem(atPath: file) }
        }

        /// Asks the adapter where the pending runs' jobs are; a job seen ended at the previous
        /// poll, whose run has still not reported, fails its run.
        private func poll() async {
            let submissions = state.withLock { state in state.runs.values.compactMap(\.submission) }
            guard !submissions.isEmpty else { return }
            let statuses: [BackendSubmission: BackendJobStatus]
            do {
                statuses = try await adapter.statuses(of: submissions)
            } catch {
                inbox.push(.log(message: "\(adapter.engineName) job status could not be read: \(error)"))
                return
            }
            for (submission, status) in statuses {
                let runID = submission.runID
                let lost = state.withLock { state -> TrackedRun? in
                    guard var run = state.runs[runID], run.submission == submission else { return nil }
                    guard case .ended(let final) = status else {
                        // Back in the queue (requeued, say): no longer on its way to being lost.
                        run.endedState = nil
                        state.runs[runID] = run
                        return nil
                    }
                    guard run.endedState != nil else {
                        run.endedState = final
                        state.runs[runID] = run
                        return nil
                    }
                    state.runs[runID] = nil
                    state.finished.insert(runID)
                    return run
                }
                guard let lost else { continue }
                if let file = lost.payloadFile { try? FileManager.default.removeItem(atPath: file) }
                if lost.cancelRequested {
                    inbox.push(.taskCancelled(runID: runID, taskID: lost.taskID))
                } else {
                    inbox.push(
                        self.lost(
                            runID: runID, taskID: lost.taskID, lost,
                            "ended in state \(lost.endedState ?? "unknown") without reporting the run's outcome"
                        ))
                }
            }
        }

        private func lost(runID: String, taskID: String, _ run: TrackedRun, _ what: String) -> WoveFrame {
            .taskError(
                runID: runID, taskID: taskID,
                error: RemoteError(
                    kind: "BackendJobLost",
                    message:
                        "\(adapter.engineName) job \(run.submission?.id ?? "(not yet submitted)") of task "
                        + "'\(taskID)' (run \(runID)) \(what).",
                    retryable: true, source: .executor))
        }
    }

    /// A misuse of a backend executor, or a job it could not submit.
    struct BackendExecutorError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
