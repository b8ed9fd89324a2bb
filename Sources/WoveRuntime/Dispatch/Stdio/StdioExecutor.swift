#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The built-in `stdio` executor: runs an environment's tasks in worker processes it starts,
/// speaking wove's frame protocol as JSON lines over their stdin and stdout.
///
/// `start` launches `executor_config.workers` copies (default 1) of `executor_config.command`
/// (default: the current executable) with `WOVE_WORKER=1` in their environment. Each
/// `run_task` goes to the process with the fewest runs in flight, and that run's `cancel_task`
/// follows it there; many runs share one process. Events of all processes merge into one
/// stream for ``recv()``.
///
/// A line that is not a frame is skipped and reported (stderr and a `log` frame); if it names a
/// run in flight, that run fails with a transport error rather than waiting for an answer that
/// will not come. A process whose stdout ends fails only the runs it had in flight, each with a
/// retryable transport error naming the task, the process and how it ended, with the last lines
/// it wrote to stderr; the next run for that slot starts a fresh process. So does a process
/// whose stdin fails (it stopped reading for longer than the write timeout): it is stopped, and
/// its runs fail at once in the same way. Writes never block the caller's thread (see
/// ``LineWriter``).
///
/// One instance serves one weave run. With `keep_alive`, the processes it ends with no run in
/// flight are kept for the environment's next run (see ``IdleWorkers``), and it starts with
/// those kept from the last one.
final class StdioExecutor: InboxBackedExecutor {
    private enum Phase {
        case idle
        case starting
        case running
        case stopping
        case stopped
    }

    /// One of the environment's worker processes, by position.
    private enum Slot {
        case live(WorkerProcess)
        /// Its process ended, or was taken out of service; the next run here starts another.
        case dead
        /// A fresh process is being started; runs for this slot wait for it.
        case launching(OneShotResult<WorkerProcess>)
    }

    private struct State: Sendable {
        var phase = Phase.idle
        var slots: [Slot] = []
        var balancer = RunBalancer(workerCount: 0)
        var configuration: StdioConfiguration?
        /// Where and for how long the processes go idle after the run, with `keep_alive`.
        var keeping: IdleKeeping?
        /// Processes taken out of service during the run (see `retire`), being stopped.
        var retired: [WorkerProcess] = []

        func checkRunning() throws(StdioExecutorError) {
            switch phase {
            case .running: return
            case .idle, .starting: throw StdioExecutorError(.notStarted)
            case .stopping, .stopped: throw StdioExecutorError(.stopped)
            }
        }

        /// Marks the slot whose live process is `worker` dead and forgets that process's runs,
        /// which it returns; `nil` unless the executor runs and `worker` is a slot's live process.
        mutating func removeLive(_ worker: WorkerProcess) -> [(runID: String, taskID: String)]? {
            guard case .running = phase,
                let index = slots.firstIndex(where: { slot in
                    if case .live(let live) = slot { return live === worker }
                    return false
                })
            else { return nil }
            slots[index] = .dead
            return balancer.releaseAll(on: index)
        }

        var liveWorkers: [WorkerProcess] {
            slots.compactMap { slot in
                if case .live(let worker) = slot { return worker }
                return nil
            }
        }
    }

    private let state = LockedValue(State())
    let inbox = FrameInbox()

    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws
    {
        let configuration = try StdioConfiguration(
            environmentConfig, at: "environments.\(environmentName).executor_config")
        if configuration.command == nil { try WorkerMode.checkCanStartSelf() }
        let keeping =
            configuration.keepAlive > .zero
            ? IdleKeeping(
                key: IdleWorkers.Key(
                    environment: environmentName, command: configuration.resolvedCommand,
                    writeTimeout: configuration.writeTimeout),
                idleTime: configuration.keepAlive) : nil
        try state.withLock { state throws(StdioExecutorError) in
            guard case .idle = state.phase else { throw StdioExecutorError(.alreadyStarted) }
            state.phase = .starting
            state.configuration = configuration
            state.keeping = keeping
        }
        var workers: [WorkerProcess] = []
        for kept in keeping.map({ IdleWorkers.shared.take($0.key, count: configuration.workers) }) ?? [] {
            kept.listen(listener)
            if kept.isUsable {
                workers.append(kept)
            } else {
                kept.stopInBackground(shutdownLine: nil)
            }
        }
        // All at once, back to back on the launcher's thread: one launch waiting for the last
        // to be reported back first would start each process a scheduling round later.
        var failure: StdioExecutorError?
        for launched in await launch(configuration, count: configuration.workers - workers.count) {
            switch launched {
            case .success(let worker): workers.append(worker)
            case .failure(let error): failure = failure ?? error
            }
        }
        if let failure {
            state.withLock { $0.phase = .stopped }
            await Self.stop(workers, shutdownLine: nil)
            throw failure
        }
        let unusable = state.withLock { state -> [WorkerProcess]? in
            guard case .starting = state.phase else { return nil }
            state.phase = .running
            // One whose output ended while the others started was not heard of (`handleEnd` hears
            // only a running executor): its slot starts a fresh process for its first run.
            var unusable: [WorkerProcess] = []
            state.slots = workers.map { worker in
                if worker.isUsable { return .live(worker) }
                unusable.append(worker)
                return .dead
            }
            state.balancer = RunBalancer(workerCount: workers.count)
            return unusable
        }
        guard let unusable else {
            await Self.stop(workers, shutdownLine: nil)
            throw StdioExecutorError(.stopped)
        }
        for worker in unusable { worker.stopInBackground(shutdownLine: nil) }
    }

    func send(_ frame: WoveFrame) async throws {
        let line = try FrameLine.encode(frame)
        switch frame {
        case .runTask(let runID, let taskID, _, _, _, _):
            let slot = try state.withLock { state throws(StdioExecutorError) in
                try state.checkRunning()
                let index = state.balancer.assign(runID, taskID: taskID)
                return (index, state.slots[index])
            }
            let worker: WorkerProcess
            do {
                worker = try await self.worker(in: slot.0, slot.1)
            } catch {
                release(runID)
                throw error
            }
            do {
                try await worker.write(line)
            } catch {
                release(runID)
                retire(worker, after: error)
                throw error
            }
        case .cancelTask(let runID, _, _, _):
            // A run that already finished, or whose process died, has no process left to tell.
            let worker = try state.withLock { state throws(StdioExecutorError) -> WorkerProcess? in
                try state.checkRunning()
                guard let index = state.balancer.worker(of: runID),
                    case .live(let worker) = state.slots[index]
                else { return nil }
                return worker
            }
            do {
                try await worker?.write(line)
            } catch {
                if let worker { retire(worker, after: error) }
                throw error
            }
        case .shutdown:
            let workers = try state.withLock { state throws(StdioExecutorError) in
                try state.checkRunning()
                return state.liveWorkers
            }
            for worker in workers { try? await worker.write(line) }
        default:
            throw StdioExecutorError(.unsupportedFrame(frame.type))
        }
    }

    func recv() async throws -> WoveFrame {
        try state.withLock { state throws(StdioExecutorError) in
            switch state.phase {
            case .idle, .starting: throw StdioExecutorError(.notStarted)
            case .running, .stopping, .stopped: break
            }
        }
        return try await inbox.next()
    }

    /// Sends `shutdown` to every process, waits up to 1 s for each to exit, then terminates
    /// it; with `keep_alive`, keeps those with no run in flight instead. Idempotent; a cancelled
    /// caller still gets a complete shutdown.
    func stop() async throws {
        let stopping = state.withLock {
            state -> (slots: [Slot], idle: [Bool], keeping: IdleKeeping?, retired: [WorkerProcess])? in
            switch state.phase {
            case .running:
                state.phase = .stopping
                return (state.slots, state.balancer.loads.map { $0 == 0 }, state.keeping, state.retired)
            case .idle, .starting:
                state.phase = .stopped
                return ([], [], nil, [])
            case .stopping, .stopped:
                return nil
            }
        }
        guard let stopping else { return }
        let shutdownLine = try? FrameLine.encode(.shutdown)
        var workers = stopping.retired
        for (index, slot) in stopping.slots.enumerated() {
            switch slot {
            case .live(let worker):
                if let keeping = stopping.keeping, stopping.idle[index], worker.isUsable {
                    IdleWorkers.shared.keep(
                        worker, for: keeping.key, idleTime: keeping.idleTime, shutdownLine: shutdownLine)
                } else {
                    workers.append(worker)
                }
            case .launching(let launch): if let worker = try? await launch.value { workers.append(worker) }
            case .dead: break
            }
        }
        await Self.stop(workers, shutdownLine: shutdownLine)
        state.withLock { $0.phase = .stopped }
        inbox.fail(StdioExecutorError(.stopped))
    }

    /// The process of slot `index`, starting a fresh one if the last one died.
    private func worker(in index: Int, _ slot: Slot) async throws -> WorkerProcess {
        switch slot {
        case .live(let worker): return worker
        case .launching(let launch): return try await launch.value
        case .dead: break
        }
        let (launch, configuration) = try state.withLock {
            state throws(StdioExecutorError) -> (OneShotResult<WorkerProcess>, StdioConfiguration?) in
            try state.checkRunning()
            switch state.slots[index] {
            case .live(let worker):
                let ready = OneShotResult<WorkerProcess>()
                ready.resolve(.success(worker))
                return (ready, nil)
            case .launching(let launch): return (launch, nil)
            case .dead:
                let launch = OneShotResult<WorkerProcess>()
                state.slots[index] = .launching(launch)
                return (launch, state.configuration)
            }
        }
        if let configuration {
            let launched = await self.launch(configuration, count: 1)[0]
            let installed = state.withLock { state -> Bool in
                guard case .running = state.phase else { return false }
                state.slots[index] = (try? launched.get()).map(Slot.live) ?? .dead
                return true
            }
            if !installed, let worker = try? launched.get() {
                await Self.stop([worker], shutdownLine: nil)
                launch.resolve(.failure(StdioExecutorError(.stopped)))
            } else {
                launch.resolve(launched.mapError { $0 })
            }
        }
        return try await launch.value
    }

    /// Where and for how long the processes a run ends with go idle.
    private struct IdleKeeping: Sendable {
        let key: IdleWorkers.Key
        let idleTime: Duration
    }

    /// Where the processes of this run send their events.
    private var listener: WorkerProcess.Listener {
        { [weak self] worker, event in self?.handle(event, from: worker) }
    }

    /// A started worker process, or why it could not start.
    private typealias Launched = Result<WorkerProcess, StdioExecutorError>

    /// Starts `count` processes, one after the other on the ``ProcessLauncher``'s thread.
    private func launch(_ configuration: StdioConfiguration, count: Int) async -> [Launched] {
        guard count > 0 else { return [] }
        let listener = self.listener
        return await ProcessLauncher.shared.run {
            (0..<count).map { _ in
                Result { () throws(StdioExecutorError) in
                    try WorkerProcess.launch(
                        command: configuration.resolvedCommand, writeTimeout: configuration.writeTimeout,
                        events: listener)
                }
            }
        }
    }

    /// Stops `workers` in parallel. In an unstructured task on purpose: the grace periods must
    /// elapse even when the caller is cancelled.
    private static func stop(_ workers: [WorkerProcess], shutdownLine: [UInt8]?) async {
        await Task {
            await withTaskGroup(of: Void.self) { group in
                for worker in workers { group.addTask { await worker.stop(shutdownLine: shutdownLine) } }
            }
        }
        .value
    }

    /// Takes out of service a process whose stdin failed (it stopped reading past the write
    /// timeout, or closed it): it can take no more runs, and no `cancel_task` or `shutdown`
    /// either. Its slot starts a fresh process for its next run; the runs it still had fail now,
    /// each with a retryable transport error naming the task and the failure; what it writes from
    /// now on is ignored (a late answer loses to that failure) and it is stopped, which ``stop()``
    /// waits for.
    private func retire(_ worker: WorkerProcess, after failure: StdioExecutorError) {
        let lost = state.withLock { state in
            let lost = state.removeLive(worker)
            if lost != nil { state.retired.append(worker) }
            return lost
        }
        guard let lost else { return }
        worker.listen { _, _ in }
        worker.stopInBackground(shutdownLine: nil)
        fail(lost, kind: "WorkerUnwritable", because: failure)
    }

    /// Fails `runs`, which were in flight on a process that can no longer answer them, each with
    /// a retryable transport error naming its task and `failure`.
    private func fail(
        _ runs: [(runID: String, taskID: String)], kind: String, because failure: StdioExecutorError
    ) {
        for run in runs {
            inbox.push(
                .taskError(
                    runID: run.runID, taskID: run.taskID,
                    error: RemoteError(
                        kind: kind, message: "Task '\(run.taskID)' was running there: \(failure.description)",
                        retryable: true, source: .transport)))
        }
    }

    /// Called on a worker's reader thread.
    private func handle(_ event: WorkerProcess.Event, from worker: WorkerProcess) {
        switch event {
        case .line(let line): handle(line, from: worker)
        case .end(let end): handleEnd(end, of: worker)
        }
    }

    private func handle(_ line: [UInt8], from worker: WorkerProcess) {
        guard FrameLine.hasContent(line) else { return }
        let frame: WoveFrame
        do {
            frame = try FrameLine.decode(line)
        } catch {
            let command = StdioExecutorError.render(worker.command)
            let reason = FrameLine.reason(error)
            let message =
                "Skipped a malformed line from stdio worker '\(command)' (pid \(worker.pid)): \(reason). Line: "
                + FrameLine.excerpt(line)
            Descriptors.writeToStandardError("wove: \(message)\n")
            inbox.push(.log(message: message))
            // A run the garbled frame was about would otherwise wait for an answer that never comes.
            if let runID = FrameLine.runID(in: line), let taskID = release(runID) {
                inbox.push(
                    .taskError(
                        runID: runID, taskID: taskID,
                        error: RemoteError(
                            kind: "MalformedFrame",
                            message:
                                "Worker process '\(command)' (pid \(worker.pid)) sent a frame for this run "
                                + "that could not be read: \(reason).", source: .transport)))
            }
            return
        }
        switch frame {
        case .taskResult(let runID, _, _), .taskError(let runID, _, _), .taskCancelled(let runID, _):
            release(runID)
        default: break
        }
        inbox.push(frame)
    }

    /// Forgets `runID`; returns its task if it was in flight.
    @discardableResult
    private func release(_ runID: String) -> String? {
        state.withLock { state in state.balancer.release(runID) }
    }

    /// The worker's stdout ended: unless the executor is stopping, its runs fail and its slot
    /// waits for a fresh process.
    private func handleEnd(_ end: LineReader.End, of worker: WorkerProcess) {
        guard let lost = state.withLock({ $0.removeLive(worker) }) else { return }
        let command = StdioExecutorError.render(worker.command)
        let failure: StdioExecutorError
        switch end {
        case .endOfFile:
            let status = worker.exitDescription(waitingUpTo: .seconds(1))
            failure = StdioExecutorError(.closedOutput(command: command, pid: worker.pid, status: status))
        case .failed(let code):
            failure = StdioExecutorError(
                .readFailed(
                    command: command, pid: worker.pid, reason: SystemCallError("read", code: code).description
                ))
        case .stopped:
            return
        }
        fail(lost, kind: "WorkerExited", because: failure)
    }
}
