/// One started executor for one weave run: sends `run_task` frames under each run's delivery
/// settings and routes the events its receive loop reads back to the runs waiting for them, by
/// `run_id`. Events of an executor backed by a ``FrameInbox`` are routed as they are pushed,
/// on the pushing thread, with no task woken to read them.
///
/// A run's `run_task` is handed to the executor by the task that asked for the run, which waits
/// for the outcome anyway. Everything the channel does in the background (starting the
/// executor, the receive loop, `cancel_task` sends, delivery watchdogs, acknowledgement limits,
/// stopping the executor) is a child of one discarding task group, driven by the commands the
/// channel's callers post. ``stop()`` ends it in order: runs still pending are orphaned by their
/// policy, the sends under way (orphans' `cancel_task` among them) are awaited, the group's
/// children are cancelled, the executor is stopped, and the group waits for its children. An executor that does not honour
/// its contract (a `recv()` that ignores cancellation, a `stop()` or `send` that never returns)
/// cannot hang the weave: ``stop(within:)`` waits at most its grace period and then reports the
/// environment as not stopped, leaving that group to end on its own.
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
    /// The weave run's observation; an attempt of another weave (an outer one, whose task runs
    /// this weave) does not report this weave's runs.
    private let observation: WeaveObservation?
    private let state = LockedValue(State())
    private let commands: AsyncStream<Command>.Continuation
    /// Settled once the executor has started, or failed to.
    private let started = OneShotResult<Void>()
    /// Settled once the group has ended: every child returned and the executor stopped.
    private let finished = OneShotResult<Void>()

    private enum Command: Sendable {
        /// Hand `cancel_task` for a run to the executor, after its `run_task`.
        case sendCancel(PendingRun)
        /// Cancel the run when its delivery timeout passes or its worker falls silent.
        case watch(PendingRun)
        /// Fail the run if its cancellation is not acknowledged in time.
        case limitAcknowledgement(PendingRun)
        case stop
    }

    private enum Closed {
        case receiverFailed(any Error)
        case stopped
    }

    private struct State: Sendable {
        var pending: [String: PendingRun] = [:]
        /// Why the channel takes no more runs: its receiver failed with this error, or it stopped.
        var closed: Closed?
        /// One limit per `maxInFlight` value, shared by the runs that set it.
        var limits: [Int: InFlightLimit] = [:]
        /// Sends handed to the executor and not yet returned, and who waits for none to be left.
        var sending = 0
        var drained: OneShotResult<Void>?
    }

    /// Creates the channel and starts its executor in the background; ``run(taskID:weave:args:settings:idempotencyKey:)``
    /// waits for the start.
    init(
        name: String,
        executor: any EnvironmentExecutor,
        config: [String: JSONValue],
        runConfig: RunConfig,
        clock: WoveClock,
        observation: WeaveObservation?
    ) {
        self.name = name
        self.executor = executor
        self.clock = clock
        self.observation = observation
        let (stream, commands) = AsyncStream<Command>.makeStream()
        self.commands = commands
        // The channel's one unstructured task: the root of its task group, so that a stop that
        // overruns its grace period can be walked away from (see `stop(within:)`).
        Task { [self] in
            await drive(stream, config: config, runConfig: runConfig)
            finished.resolve(.success(()))
        }
    }

    /// Sends one run and waits for its outcome; cancelling the caller sends `cancel_task`.
    func run(
        taskID: String,
        weave: String?,
        args: [String: JSONValue],
        settings: DeliverySettings,
        idempotencyKey: String?
    ) async throws -> JSONValue {
        do {
            try await started.valueUnlessCancelled
        } catch {
            if error is CancellationError { throw error }
            throw EnvironmentExecutionError.environmentCouldNotStart(name, task: taskID, cause: error)
        }
        let observed = ObservedAttempt.current.flatMap { $0.observation === observation ? $0 : nil }
        // Timings as `Duration`s, not clock instants: see `MonotonicTime`.
        let waitStart = observed == nil ? nil : MonotonicTime.now
        let limit = settings.maxInFlight.map(inFlightLimit)
        try await limit?.acquire()
        defer { limit?.release() }
        let runID = RunIdentifier.make(taskID: taskID)
        let run = PendingRun(
            runID: runID, taskID: taskID, settings: settings, now: clock.now, observed: observed)
        // Counted as a send under the same lock, so a stop that follows waits for it.
        if let closed = state.withLock({ state -> Closed? in
            if state.closed == nil {
                state.pending[runID] = run
                state.sending += 1
            }
            return state.closed
        }) {
            switch closed {
            case .receiverFailed(let cause):
                let error = transportError(cause, task: taskID)
                observed?.emit(.transportError, runID: runID, error: error)
                throw error
            case .stopped: throw stoppedError(task: taskID)
            }
        }
        defer { _ = state.withLock { $0.pending.removeValue(forKey: runID) } }
        let frame = WoveFrame.runTask(
            runID: runID, taskID: taskID, weave: weave, args: args,
            delivery: run.delivery(idempotencyKey: idempotencyKey), trace: observed?.span?.context ?? nil)
        if settings.timeout != nil || settings.heartbeat != nil { post(.watch(run)) }
        if let observed, let waitStart {
            observed.emit(.remoteRunSent, runID: runID, queueWait: MonotonicTime.now - waitStart)
        }
        let sent = MonotonicTime.now
        do {
            let result = try await withTaskCancellationHandler {
                // Sent from the caller's own task: no hop through the group for the common case.
                await send(run, frame)
                return try await run.outcome.value
            } onCancel: {
                cancel(run, with: CancellationError())
            }
            run.reportFinished(error: nil, duration: MonotonicTime.now - sent)
            return result
        } catch {
            run.reportFinished(error: error, duration: MonotonicTime.now - sent)
            throw error
        }
    }

    /// Stops the channel (see the type's description) and waits for it, at most `grace`.
    ///
    /// - Returns: `false` if the executor did not finish stopping in time: some call into it
    ///   (`recv`, `send` or `stop`) is still running and was left behind.
    func stop(within grace: Duration) async -> Bool {
        post(.stop)
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { [finished] in (try? await finished.valueUnlessCancelled) != nil }
            group.addTask {
                try? await Task.sleep(for: grace)
                return false
            }
            defer { group.cancelAll() }
            return await group.next() ?? false
        }
    }

    // MARK: - The group

    /// Hands `command` to the group. After the group has ended there is nothing left to do: its
    /// runs have been resolved, and a stop has already happened. Not inlined: the stream's
    /// answer, of a type not frozen in the standard library, stays out of callers' async frames.
    @inline(never)
    private func post(_ command: Command) { _ = commands.yield(command) }

    private func drive(_ commands: AsyncStream<Command>, config: [String: JSONValue], runConfig: RunConfig)
        async
    {
        await withDiscardingTaskGroup { group in
            var stream = commands.makeAsyncIterator()
            do {
                try await executor.start(
                    environmentName: name, environmentConfig: config, runConfig: runConfig)
                started.resolve(.success(()))
                group.addTask { await self.receive() }
            } catch {
                started.resolve(.failure(error))
                state.withLock { $0.closed = .stopped }
                // Runs refuse to start now; wait for the stop that ends the weave run.
                while let command = await stream.next() {
                    if case .stop = command { break }
                }
                self.commands.finish()
                return
            }
            while let command = await stream.next() {
                switch command {
                case .sendCancel(let run):
                    beginSend()
                    group.addTask { await self.sendCancel(run) }
                case .watch(let run):
                    group.addTask { await self.untilFinished(run) { await self.watch(run) } }
                case .limitAcknowledgement(let run):
                    group.addTask { await self.untilFinished(run) { await self.limitAcknowledgement(run) } }
                case .stop:
                    await orphanPendingRuns(in: &group)
                    await sendsDrained()
                    group.cancelAll()
                    try? await executor.stop()
                    self.commands.finish()
                    return
                }
            }
        }
    }

    /// Closes the channel and orphans every pending run by its policy: `cancel`, `fail` and
    /// `requeue` send `cancel_task` carrying the policy, `detach` sends nothing; `cancel`
    /// resolves the run as cancelled, the others with ``DeliveryOrphanedError``.
    private func orphanPendingRuns(in group: inout DiscardingTaskGroup) async {
        let orphans = state.withLock { state -> [PendingRun] in
            state.closed = state.closed ?? .stopped
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for run in orphans {
            if run.orphanPolicy != .detach {
                beginSend()
                group.addTask { await self.sendCancel(run) }
            }
            run.outcome.resolve(
                .failure(orphanedError(run, cause: "its environment stopped while the run was pending")))
        }
    }

    private func send(_ run: PendingRun, _ frame: WoveFrame) async {
        defer { endSend() }
        do {
            try await executor.send(frame)
            run.sent.resolve(.success(()))
        } catch {
            run.sent.resolve(.failure(error))
            // A caller cancelled while sending gets the cancellation, not a transport failure.
            if error is CancellationError && Task.isCancelled {
                run.outcome.resolve(.failure(error))
            } else {
                run.failInTransport(transportError(error, task: run.taskID))
            }
        }
    }

    private func sendCancel(_ run: PendingRun) async {
        defer { endSend() }
        // Never before its run_task: one that was never sent needs no cancel.
        guard (try? await run.sent.value) != nil else { return }
        try? await executor.send(run.cancelFrame)
    }

    private func beginSend() { state.withLock { $0.sending += 1 } }

    private func endSend() {
        let drained = state.withLock { state -> OneShotResult<Void>? in
            state.sending -= 1
            guard state.sending == 0 else { return nil }
            defer { state.drained = nil }
            return state.drained
        }
        drained?.resolve(.success(()))
    }

    /// Returns once no send is left running.
    private func sendsDrained() async {
        let drained = state.withLock { state -> OneShotResult<Void>? in
            guard state.sending > 0 else { return nil }
            let drained = state.drained ?? OneShotResult()
            state.drained = drained
            return drained
        }
        _ = try? await drained?.value
    }

    /// Runs `body` until it returns or `run` is over, whichever comes first.
    private func untilFinished(_ run: PendingRun, _ body: @escaping @Sendable () async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await run.outcome.valueUnlessCancelled }
            group.addTask { await body() }
            await group.next()
            group.cancelAll()
        }
    }

    private func receive() async {
        // Events pushed into an inbox are routed on the pushing thread: no task wakes for each.
        let inbox = (executor as? any InboxBackedExecutor)?.inbox
        inbox?.deliverDirectly { [weak self] frame in self?.route(frame) }
        defer { inbox?.deliverDirectly(to: nil) }
        do {
            while !Task.isCancelled {
                let f = try await executor.recv()
                route(f)
            }
        } catch {
            if Task.isCancelled { return }
            failEverything(with: error)
        }
    }

    // MARK: - Runs

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
        post(.sendCancel(run))
        switch run.cancelMode {
        case .bestEffort: run.outcome.resolve(.failure(error))
        case .requireAck: post(.limitAcknowledgement(run))
        }
    }

    private func limitAcknowledgement(_ run: PendingRun) async {
        guard (try? await clock.sleep(for: Self.acknowledgementLimit)) != nil else { return }
        run.outcome.resolve(
            .failure(
                DeliveryTimeoutError(
                    taskName: run.taskID, environment: name, seconds: Self.acknowledgementLimit.seconds,
                    limit: .acknowledgement)))
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

    private func route(_ frame: WoveFrame) {
        guard let runID = frame.runID, let run = state.withLock({ $0.pending[runID] }) else { return }
        switch frame {
        case .taskStarted: run.markAlive(at: clock.now, started: true)
        case .heartbeat: run.markAlive(at: clock.now, started: false)
        case .taskResult(_, _, let result): run.outcome.resolve(.success(result))
        case .taskError(_, let taskID, let error):
            run.outcome.resolve(
                .failure(EnvironmentExecutionError(payload: error, taskName: taskID, environment: name)))
        case .taskCancelled(_, let taskID):
            // Cancelled at our request: the reason we asked. Otherwise the worker gave up the run
            // on its own (it is shutting down, say): worth another attempt elsewhere.
            let unasked = EnvironmentExecutionError(
                payload: RemoteError(
                    kind: "TaskCancelled",
                    message: "The worker cancelled the run without being asked; it may be "
                        + "shutting down.", retryable: true, source: .executor),
                taskName: taskID, environment: name)
            run.outcome.resolve(.failure(run.cancellationOutcome ?? unasked))
        default: break
        }
    }

    /// The receiver failed: pending runs fail with a transport error (orphan policy `cancel`) or
    /// ``DeliveryOrphanedError``; later runs fail with the transport error.
    private func failEverything(with error: any Error) {
        let pending = state.withLock { state -> [PendingRun] in
            state.closed = state.closed ?? .receiverFailed(error)
            return Array(state.pending.values)
        }
        for run in pending {
            if run.orphanPolicy == .cancel {
                run.failInTransport(transportError(error, task: run.taskID))
            } else {
                run.outcome.resolve(
                    .failure(orphanedError(run, cause: "the environment's receiver failed: \(error)")))
            }
        }
    }

    private func orphanedError(_ run: PendingRun, cause: String) -> any Error {
        guard run.orphanPolicy != .cancel else { return CancellationError() }
        return DeliveryOrphanedError(
            taskName: run.taskID, environment: name, policy: run.orphanPolicy, cause: cause)
    }

    private func stoppedError(task: String) -> EnvironmentExecutionError {
        EnvironmentExecutionError(
            payload: RemoteError(
                kind: "EnvironmentStopped",
                message: "Environment '\(name)' has stopped; no more runs are accepted.",
                source: .executor),
            taskName: task, environment: name)
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
