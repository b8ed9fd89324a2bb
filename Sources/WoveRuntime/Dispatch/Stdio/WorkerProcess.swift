#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One worker child process of a stdio executor: its stdin (a ``LineWriter``, so no write ever
/// blocks the caller), a ``LineReader`` thread on its stdout and stderr, and its exit status.
///
/// Its stderr is passed through to the host's stderr as it arrives, and its last few kilobytes
/// are kept, so a worker that dies can be reported with its own explanation.
final class WorkerProcess: Sendable {
    /// What the reader reports.
    enum Event: Sendable {
        /// A line of stdout, without its newline.
        case line([UInt8])
        /// stdout ended.
        case end(LineReader.End)
    }

    /// Where its events go.
    typealias Listener = @Sendable (WorkerProcess, Event) -> Void

    /// The command it runs, the executable first.
    let command: [String]
    let pid: Int32
    private let input: LineWriter
    private let exit: ExitRecord
    private let reader: LineReader
    private let stderrTail = DiagnosticTail()
    /// Who hears of its events, and how its stdout ended once it has.
    private struct Listening {
        /// The executor using it, or the pool keeping it idle (see ``listen(_:)``).
        var listener: Listener
        var ended: LineReader.End?
    }

    /// A struct, not a tuple: a closure in a tuple is re-wrapped in a reabstraction thunk each
    /// time the lock writes the value back, so that one call through it costs more each time.
    private let listening: LockedValue<Listening>

    private init(
        command: [String], pid: Int32, input: Int32, output: Int32, errors: Int32, exit: ExitRecord,
        listener: @escaping Listener
    ) {
        self.command = command
        listening = LockedValue(Listening(listener: listener))
        self.pid = pid
        self.input = LineWriter(descriptor: input, name: "wove.in.\(pid)")
        self.exit = exit
        reader = LineReader(
            descriptor: output, name: "wove.out.\(pid)", closeWhenDone: true, diagnostics: errors)
    }

    /// Starts `command` with this process's environment and `WOVE_WORKER=1`; `events` gets its stdout lines, then how stdout
    /// ended, on the process's reader thread, until ``listen(_:)`` sends them elsewhere.
    ///
    /// - Throws: ``StdioExecutorError`` naming the command when it cannot be started.
    static func launch(
        command: [String],
        writeTimeout: Duration,
        events: @escaping Listener
    ) throws(StdioExecutorError) -> WorkerProcess {
        let rendered = StdioExecutorError.render(command)
        func failure(_ reason: String) -> StdioExecutorError {
            StdioExecutorError(.cannotLaunch(command: rendered, reason: reason))
        }
        guard let name = command.first else { throw failure("the command is empty") }
        let executable = try resolve(name, failure: failure)
        var opened: [Int32] = []
        func pair() throws(SystemCallError) -> (parent: Int32, child: Int32) {
            let pair = try Descriptors.socketPair()
            opened += [pair.0, pair.1]
            return pair
        }
        let stdin: (parent: Int32, child: Int32)
        let stdout: (parent: Int32, child: Int32)
        let stderr: (parent: Int32, child: Int32)
        do throws(SystemCallError) {
            stdin = try pair()
            try Descriptors.limitSends(on: stdin.parent, to: writeTimeout)
            stdout = try pair()
            stderr = try pair()
        } catch {
            opened.forEach(Descriptors.close)
            throw failure(error.description)
        }
        let pid: pid_t
        do throws(SystemCallError) {
            pid = try ChildSpawn.spawn(
                executable: executable, arguments: [executable] + command.dropFirst(),
                setting: [WorkerMode.variable: "1"], input: stdin.child, output: stdout.child,
                errors: stderr.child)
        } catch {
            opened.forEach(Descriptors.close)
            throw failure(error.description)
        }
        // The child has its own copies now; ours must go, or its output never reaches EOF.
        for descriptor in [stdin.child, stdout.child, stderr.child] { Descriptors.close(descriptor) }
        let exit = ExitRecord()
        ChildReaper.reap(pid, exited: exit.markExited) { status in exit.record(status) }
        let worker = WorkerProcess(
            command: command, pid: pid, input: stdin.parent, output: stdout.parent, errors: stderr.parent,
            exit: exit, listener: events)
        // A child of the worker (a crash reporter, say) may hold its stdout open after it has
        // exited: once the worker is gone, its output ends a moment later, whatever holds it.
        let reader = worker.reader
        Task {
            try? await exit.exited.value
            try? await Task.sleep(for: .milliseconds(500))
            reader.stop(reporting: .endOfFile)
        }
        let tail = worker.stderrTail
        worker.reader.start(
            line: { [weak worker] line in worker?.report(.line(line)) },
            diagnostics: { chunk in
                tail.append(chunk)
                try? Descriptors.write(chunk, to: STDERR_FILENO)
            },
            end: { [weak worker] end in worker?.report(.end(end)) })
        return worker
    }

    /// Sends its events to `listener` from now on, instead of to whoever had them: a worker kept
    /// idle between weave runs goes from one run's executor to the pool and on to the next. If
    /// its stdout has ended already, `listener` hears nothing, and ``isUsable`` says so.
    func listen(_ listener: @escaping Listener) { listening.withLock { $0.listener = listener } }

    private func report(_ event: Event) {
        let listener = listening.withLock { listening in
            if case .end(let end) = event { listening.ended = end }
            return listening.listener
        }
        listener(self, event)
    }

    /// Whether it can serve runs: running, its stdout open, its stdin writable.
    var isUsable: Bool { exit.isRunning && !input.isClosed && listening.withLock { $0.ended == nil } }

    /// The executable `name` names: a path when it contains `/`, else the first match on `PATH`.
    private static func resolve(
        _ name: String,
        failure: (String) -> StdioExecutorError
    ) throws(StdioExecutorError) -> String {
        let files = FileManager.default
        if name.contains("/") {
            guard files.isExecutableFile(atPath: name) else {
                throw failure(
                    files.fileExists(atPath: name)
                        ? "'\(name)' is not executable" : "'\(name)' does not exist")
            }
            return name
        }
        let path = ProcessEnvironment.value(of: "PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw failure("'\(name)' was not found on PATH")
    }

    /// Writes one encoded frame line to the worker's stdin; returns once it is written. Never
    /// blocks the calling thread: a worker that stops reading makes this wait, and fail after
    /// the write timeout, for this worker's callers only.
    func write(_ line: [UInt8]) async throws(StdioExecutorError) {
        do {
            try await input.write(line)
        } catch {
            throw StdioExecutorError(
                .writeFailed(
                    command: StdioExecutorError.render(command), pid: pid, reason: "\(error)"))
        }
    }

    /// Stops the worker: `shutdown`, then end of input; after 1 s `SIGTERM`, after one more
    /// `SIGKILL`. Returns once it has exited and its reader has closed its output.
    ///
    /// The shutdown line is written next to the signals, not before them, so a worker that
    /// stopped reading its stdin cannot hold them back; once it is dead, that write fails.
    /// Call it from a task that is not cancelled: a cancelled wait ends at once.
    func stop(shutdownLine: [UInt8]?) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                if let shutdownLine { try? await self.write(shutdownLine) }
                self.input.finish()
            }
            group.addTask {
                let signals: [Int32] = [SIGTERM, SIGKILL]
                for signal in signals {
                    if await self.waitForExit(upTo: .seconds(1)) { break }
                    self.exit.send(signal, to: self.pid)
                }
                _ = await self.waitForExit(upTo: .seconds(5))
            }
        }
        reader.stop()
        await reader.waitUntilFinished()
    }

    /// ``stop(shutdownLine:)`` in the background, detached from the caller's task-locals, for a
    /// process no run waits for.
    func stopInBackground(shutdownLine: [UInt8]?) {
        Task.detached { await self.stop(shutdownLine: shutdownLine) }
    }

    /// How the process ended, waiting up to `limit` for it on the calling thread (the reader's),
    /// with the last lines it wrote to stderr: "exit status 3", "killed by signal 9; its stderr
    /// ended with: …", or "process still running".
    func exitDescription(waitingUpTo limit: Duration) -> String {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, exit.status == nil {
            usleep(10_000)
        }
        let status = exit.status ?? "process still running"
        guard let last = stderrTail.lastLines else { return status }
        return "\(status); its stderr ended with: \(last)"
    }

    /// Waits until the process has exited, or `limit` has passed; returns whether it exited.
    /// Resumed once the process is reaped, so the stop of a worker that exits at once takes
    /// as long as its exit, not a polling interval.
    private func waitForExit(upTo limit: Duration) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await self.exit.exited.valueUnlessCancelled }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
        return exit.status != nil
    }

    deinit {
        // Normally stop() ran; if the executor was dropped without it, leave no orphan behind.
        exit.send(SIGKILL, to: pid)
        input.finish()
    }
}

/// How a child process ended, recorded once it is reaped.
private final class ExitRecord: Sendable {
    private struct State {
        /// Set while the exited child is still a zombie, before its pid is freed.
        var exited = false
        var status: String?
    }

    private let state = LockedValue(State())

    /// Resolved once the process has exited and been reaped.
    let exited = OneShotResult<Void>()

    /// Whether the process has not exited yet.
    var isRunning: Bool { state.withLock { !$0.exited } }

    /// "exit status 3", "killed by signal 9"; `nil` until the process is reaped.
    var status: String? { state.withLock { $0.status } }

    /// Sends `signal` to `pid` unless the process has exited: with the lock ``markExited()``
    /// takes held, so the pid is still the child's (alive, or a zombie not yet reaped), never a
    /// reused one.
    func send(_ signal: Int32, to pid: pid_t) {
        state.withLock { state in
            if !state.exited { _ = kill(pid, signal) }
        }
    }

    /// Called once the process has exited, before it is reaped.
    @Sendable func markExited() { state.withLock { $0.exited = true } }

    /// Records how the reaped process ended, from its `waitpid` status (`nil`: unknown).
    func record(_ status: Int32?) {
        let description =
            switch status.map(ChildEnding.init) {
            case nil: "exit status unknown (it was reaped elsewhere)"
            case .exited(let code): "exit status \(code)"
            case .killed(let signal): "killed by signal \(signal)"
            }
        state.withLock { $0.status = description }
        exited.resolve(.success(()))
    }
}
