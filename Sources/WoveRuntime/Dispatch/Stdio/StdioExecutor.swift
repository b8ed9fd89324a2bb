import Foundation

/// The built-in `stdio` executor: runs an environment's tasks in worker processes it starts,
/// speaking wove's frame protocol as JSON lines over their stdin and stdout.
///
/// `start` launches `executor_config.workers` copies (default 1) of `executor_config.command`
/// (default: the current executable) with `WOVE_WORKER=1` in their environment. Each
/// `run_task` goes to the process with the fewest runs in flight, and that run's `cancel_task`
/// follows it there; many runs share one process. Events of all processes merge into one
/// stream for ``recv()``. A line that is not a frame is skipped and reported (stderr and a
/// `log` frame); a process whose stdout ends makes ``recv()`` throw, naming its command, pid and
/// exit status, which fails the environment's pending runs instead of leaving them waiting.
///
/// One instance serves one weave run: processes are per-run state.
final class StdioExecutor: EnvironmentExecutor {
    private enum Phase {
        case idle
        case starting
        case running([WorkerProcess])
        case stopping
        case stopped
    }

    private struct State {
        var phase = Phase.idle
        var balancer = RunBalancer(workerCount: 0)

        func runningWorkers() throws(StdioExecutorError) -> [WorkerProcess] {
            switch phase {
            case .running(let workers): return workers
            case .idle, .starting: throw StdioExecutorError(.notStarted)
            case .stopping, .stopped: throw StdioExecutorError(.stopped)
            }
        }
    }

    private let state = LockedValue(State())
    private let inbox = FrameInbox()

    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws
    {
        let configuration = try StdioConfiguration(
            environmentConfig, at: "environments.\(environmentName).executor_config")
        if configuration.command == nil { try WorkerMode.checkCanStartSelf() }
        try state.withLock { state throws(StdioExecutorError) in
            guard case .idle = state.phase else { throw StdioExecutorError(.alreadyStarted) }
            state.phase = .starting
        }
        var environment = ProcessInfo.processInfo.environment
        environment[WorkerMode.variable] = "1"
        var workers: [WorkerProcess] = []
        do {
            for _ in 0..<configuration.workers {
                workers.append(
                    try WorkerProcess.launch(
                        command: configuration.resolvedCommand, environment: environment,
                        writeTimeout: configuration.writeTimeout
                    ) { [weak self] worker, event in self?.handle(event, from: worker) })
            }
        } catch {
            state.withLock { $0.phase = .stopped }
            await Self.stop(workers, shutdownLine: nil)
            throw error
        }
        let installed = state.withLock { state in
            guard case .starting = state.phase else { return false }
            state.phase = .running(workers)
            state.balancer = RunBalancer(workerCount: workers.count)
            return true
        }
        if !installed {
            await Self.stop(workers, shutdownLine: nil)
            throw StdioExecutorError(.stopped)
        }
    }

    func send(_ frame: WoveFrame) async throws {
        let line = try FrameLine.encode(frame)
        switch frame {
        case .runTask(let runID, _, _, _, _):
            let worker = try state.withLock { state throws(StdioExecutorError) in
                let workers = try state.runningWorkers()
                return workers[state.balancer.assign(runID)]
            }
            do {
                try worker.write(line)
            } catch {
                state.withLock { $0.balancer.release(runID) }
                throw error
            }
        case .cancelTask(let runID, _, _, _):
            // A run that already finished has no process left to tell.
            let worker = try state.withLock { state throws(StdioExecutorError) -> WorkerProcess? in
                let workers = try state.runningWorkers()
                return state.balancer.worker(of: runID).map { workers[$0] }
            }
            try worker?.write(line)
        case .shutdown:
            let workers = try state.withLock { state throws(StdioExecutorError) in try state.runningWorkers()
            }
            for worker in workers { try? worker.write(line) }
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
    /// it. Idempotent; a cancelled caller still gets a complete shutdown.
    func stop() async throws {
        let workers = state.withLock { state -> [WorkerProcess]? in
            switch state.phase {
            case .running(let workers):
                state.phase = .stopping
                return workers
            case .idle, .starting:
                state.phase = .stopped
                return []
            case .stopping, .stopped:
                return nil
            }
        }
        guard let workers else { return }
        await Self.stop(workers, shutdownLine: try? FrameLine.encode(.shutdown))
        state.withLock { $0.phase = .stopped }
        inbox.fail(StdioExecutorError(.stopped))
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

    /// Called on a worker's reader thread.
    private func handle(_ event: WorkerProcess.Event, from worker: WorkerProcess) {
        switch event {
        case .line(let line):
            guard FrameLine.hasContent(line) else { return }
            let frame: WoveFrame
            do {
                frame = try FrameLine.decode(line)
            } catch {
                let message =
                    "Skipped a malformed line from stdio worker '\(StdioExecutorError.render(worker.command))' "
                    + "(pid \(worker.pid)): \(FrameLine.reason(error)). Line: \(FrameLine.excerpt(line))"
                try? Descriptors.write(
                    Array("wove: \(message)\n".utf8), to: FileHandle.standardError.fileDescriptor)
                inbox.push(.log(message: message))
                return
            }
            switch frame {
            case .taskResult(let runID, _, _), .taskError(let runID, _, _), .taskCancelled(let runID, _):
                state.withLock { $0.balancer.release(runID) }
            default: break
            }
            inbox.push(frame)
        case .end(let end):
            let stopping = state.withLock { state in
                switch state.phase {
                case .stopping, .stopped: true
                case .idle, .starting, .running: false
                }
            }
            if stopping { return }
            let command = StdioExecutorError.render(worker.command)
            switch end {
            case .endOfFile:
                let status = worker.exitDescription(waitingUpTo: .seconds(1))
                inbox.fail(
                    StdioExecutorError(.closedOutput(command: command, pid: worker.pid, status: status)))
            case .failed(let code):
                inbox.fail(
                    StdioExecutorError(
                        .readFailed(
                            command: command, pid: worker.pid,
                            reason: SystemCallError("read", code: code).description)))
            case .stopped:
                break
            }
        }
    }
}
