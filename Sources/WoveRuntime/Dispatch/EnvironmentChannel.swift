import Foundation

/// One started executor for one weave run: sends `run_task` frames under each run's delivery
/// settings and routes the events its receive loop reads back to the runs waiting for them, by
/// `run_id`.
///
/// Nothing waits forever: a run past its delivery timeout or heartbeat is cancelled and fails
/// with ``DeliveryTimeoutError``; a `require_ack` cancellation waits at most
/// ``acknowledgementLimit``; if the executor's `recv()` fails, every pending and later run
/// fails, with a transport error or, by its orphan policy, ``DeliveryOrphanedError``.
final class EnvironmentChannel: Sendable {
    /// How long a `require_ack` cancellation waits for the worker's `task_cancelled`.
    static let acknowledgementLimit: Duration = .seconds(5)

    let name: String
    private let executor: any EnvironmentExecutor
    private let clock: WoveClock
    private let state = LockedValue(State())
    private let receiver = LockedValue<Task<Void, Never>?>(nil)

    private enum Closed {
        case receiverFailed(any Error)
        case stopped
    }

    private struct State {
        var pending: [String: PendingRun] = [:]
        /// Why the channel takes no more runs: its receiver failed with this error, or it stopped.
        var closed: Closed?
        /// One limit per `maxInFlight` value, shared by the runs that set it.
        var limits: [Int: InFlightLimit] = [:]
    }

    private init(name: String, executor: any EnvironmentExecutor, clock: WoveClock) {
        self.name = name
        self.executor = executor
        self.clock = clock
    }

    /// Starts `executor` for this run and its receive loop.
    static func start(
        name: String,
        executor: any EnvironmentExecutor,
        config: [String: JSONValue],
        runConfig: RunConfig,
        clock: WoveClock
    ) async throws -> EnvironmentChannel {
        try await executor.start(environmentName: name, environmentConfig: config, runConfig: runConfig)
        let channel = EnvironmentChannel(name: name, executor: executor, clock: clock)
        channel.receiver.withLock { $0 = Task { await channel.receive() } }
        return channel
    }

    /// Sends one run and waits for its outcome; cancelling the caller sends `cancel_task`.
    func run(
        taskID: String,
        weave: String?,
        args: [String: JSONValue],
        settings: DeliverySettings,
        idempotencyKey: String?
    ) async throws -> JSONValue {
        let limit = settings.maxInFlight.map(inFlightLimit)
        try await limit?.acquire()
        defer { limit?.release() }
        let runID = "\(taskID):\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let run = PendingRun(runID: runID, taskID: taskID, settings: settings, now: clock.now)
        if let closed = state.withLock({ state -> Closed? in
            if state.closed == nil { state.pending[runID] = run }
            return state.closed
        }) {
            switch closed {
            case .receiverFailed(let error): throw transportError(error, task: taskID)
            case .stopped:
                throw EnvironmentExecutionError(
                    payload: RemoteError(
                        kind: "EnvironmentStopped",
                        message: "Environment '\(name)' has stopped; no more runs are accepted.",
                        source: .executor),
                    taskName: taskID, environment: name)
            }
        }
        defer {
            run.finish()
            _ = state.withLock { $0.pending.removeValue(forKey: runID) }
        }
        do {
            try await executor.send(
                .runTask(
                    runID: runID, taskID: taskID, weave: weave, args: args,
                    delivery: run.delivery(idempotencyKey: idempotencyKey)))
        } catch {
            throw transportError(error, task: taskID)
        }
        let watchdog = settings.timeout == nil && settings.heartbeat == nil ? nil : Task { await watch(run) }
        defer { watchdog?.cancel() }
        return try await withTaskCancellationHandler {
            try await run.outcome.value
        } onCancel: {
            cancel(run, with: CancellationError())
        }
    }

    /// Ends the receive loop and stops the executor; runs still pending are orphaned, each by
    /// its policy: `cancel`, `fail` and `requeue` send `cancel_task` carrying the policy,
    /// `detach` sends nothing; `cancel` resolves the run as cancelled, the others with
    /// ``DeliveryOrphanedError``.
    func stop() async {
        let orphans = state.withLock { state -> [PendingRun] in
            state.closed = state.closed ?? .stopped
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for run in orphans {
            if run.orphanPolicy != .detach { try? await executor.send(run.cancelFrame) }
            run.outcome.resolve(
                .failure(orphanedError(run, cause: "its environment stopped while the run was pending")))
        }
        let loop = receiver.withLock { $0 }
        loop?.cancel()
        try? await executor.stop()
        await loop?.value
    }

    private func inFlightLimit(_ count: Int) -> InFlightLimit {
        state.withLock { state in
            if let existing = state.limits[count] { return existing }
            let limit = InFlightLimit(limit: count)
            state.limits[count] = limit
            return limit
        }
    }

    /// Cancels `run` once: sends `cancel_task`, then resolves it with `error` at once
    /// (`best_effort`), or when the worker acknowledges (`require_ack`), within
    /// ``acknowledgementLimit``.
    private func cancel(_ run: PendingRun, with error: any Error) {
        guard run.beginCancelling(with: error) else { return }
        let executor = self.executor
        let frame = run.cancelFrame
        Task { try? await executor.send(frame) }
        switch run.cancelMode {
        case .bestEffort:
            run.outcome.resolve(.failure(error))
        case .requireAck:
            let clock = self.clock
            let timeout = DeliveryTimeoutError(
                taskName: run.taskID, environment: name, seconds: Self.acknowledgementLimit.seconds,
                limit: .acknowledgement)
            run.limitAcknowledgement(
                with: Task {
                    guard (try? await clock.sleep(for: Self.acknowledgementLimit)) != nil else { return }
                    run.outcome.resolve(.failure(timeout))
                })
        }
    }

    /// Cancels `run` when its delivery timeout passes, or when the worker stays silent for
    /// longer than its heartbeat interval.
    private func watch(_ run: PendingRun) async {
        let deadline = run.settings.timeout.map { run.sentAt + $0 }
        while true {
            let silenceLimit = run.settings.heartbeat.map { run.lastSign + $0 }
            guard let wake = [deadline, silenceLimit].compactMap({ $0 }).min(),
                (try? await clock.sleep(until: wake)) != nil
            else { return }
            let now = clock.now
            if let deadline, let timeout = run.settings.timeout, now >= deadline {
                return expire(run, after: timeout, .delivery)
            }
            if let heartbeat = run.settings.heartbeat, now - run.lastSign >= heartbeat {
                return expire(run, after: heartbeat, .heartbeat)
            }
        }
    }

    private func expire(_ run: PendingRun, after limit: Duration, _ kind: DeliveryTimeoutError.Limit) {
        cancel(
            run,
            with: DeliveryTimeoutError(
                taskName: run.taskID, environment: name, seconds: limit.seconds, limit: kind))
    }

    private func receive() async {
        do {
            while !Task.isCancelled {
                route(try await executor.recv())
            }
        } catch {
            if Task.isCancelled { return }
            failEverything(with: error)
        }
    }

    private func route(_ frame: WoveFrame) {
        guard let runID = frame.runID, let run = state.withLock({ $0.pending[runID] }) else { return }
        switch frame {
        case .taskStarted, .heartbeat: run.markAlive(at: clock.now)
        case .taskResult(_, _, let result): run.outcome.resolve(.success(result))
        case .taskError(_, let taskID, let error):
            run.outcome.resolve(
                .failure(EnvironmentExecutionError(payload: error, taskName: taskID, environment: name)))
        case .taskCancelled: run.outcome.resolve(.failure(run.cancellationOutcome))
        default: break
        }
    }

    /// The receiver failed: pending runs fail with a transport error (orphan policy `cancel`) or
    /// ``DeliveryOrphanedError``; later runs fail with the transport error.
    private func failEverything(with error: any Error) {
        let pending = state.withLock { state -> [PendingRun] in
            state.closed = .receiverFailed(error)
            return Array(state.pending.values)
        }
        for run in pending {
            let failure: any Error =
                run.orphanPolicy == .cancel
                ? transportError(error, task: run.taskID)
                : orphanedError(run, cause: "the environment's receiver failed: \(error)")
            run.outcome.resolve(.failure(failure))
        }
    }

    private func orphanedError(_ run: PendingRun, cause: String) -> any Error {
        guard run.orphanPolicy != .cancel else { return CancellationError() }
        return DeliveryOrphanedError(
            taskName: run.taskID, environment: name, policy: run.orphanPolicy, cause: cause)
    }

    private func transportError(_ error: any Error, task: String) -> EnvironmentExecutionError {
        EnvironmentExecutionError(
            payload: RemoteError(
                kind: String(reflecting: type(of: error)),
                message: "The executor of environment '\(name)' failed: \(error)", retryable: true,
                source: .transport),
            taskName: task, environment: name)
    }
}
