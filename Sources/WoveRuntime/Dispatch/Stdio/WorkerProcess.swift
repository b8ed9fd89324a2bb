import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One worker child process of a stdio executor: its stdin (written one whole line at a time
/// under one lock), a ``LineReader`` on its stdout, and its exit status. Its stderr is the
/// host's.
final class WorkerProcess: Sendable {
    /// What the reader reports.
    enum Event: Sendable {
        /// A line of stdout, without its newline.
        case line([UInt8])
        /// stdout ended.
        case end(LineReader.End)
    }

    /// The command it runs, the executable first.
    let command: [String]
    let pid: Int32
    /// The parent's end of the worker's stdin; -1 once closed.
    private let input: LockedValue<Int32>
    private let exit: ExitRecord
    private let reader: LineReader
    /// Held so that Foundation's bookkeeping for the child lives as long as this object.
    private let process: LockedValue<Process>

    private init(
        command: [String], process: sending Process, input: Int32, output: Int32,
        exit: ExitRecord
    ) {
        self.command = command
        pid = process.processIdentifier
        self.process = LockedValue(process)
        self.input = LockedValue(input)
        self.exit = exit
        reader = LineReader(
            descriptor: output, name: "wove.out.\(pid)", closeWhenDone: true)
    }

    /// Starts `command` with `environment`; `events` gets its stdout lines, then how stdout
    /// ended, on the process's reader thread.
    ///
    /// - Throws: ``StdioExecutorError`` naming the command when it cannot be started.
    static func launch(
        command: [String],
        environment: [String: String],
        writeTimeout: Duration,
        events: @escaping @Sendable (WorkerProcess, Event) -> Void
    ) throws(StdioExecutorError) -> WorkerProcess {
        let rendered = StdioExecutorError.render(command)
        func failure(_ reason: String) -> StdioExecutorError {
            StdioExecutorError(.cannotLaunch(command: rendered, reason: reason))
        }
        guard let name = command.first else { throw failure("the command is empty") }
        let executable = try resolve(name, environment: environment, failure: failure)
        let stdin: (parent: Int32, child: Int32)
        let stdout: (parent: Int32, child: Int32)
        do throws(SystemCallError) {
            stdin = try Descriptors.socketPair()
            do throws(SystemCallError) {
                try Descriptors.limitSends(on: stdin.parent, to: writeTimeout)
                stdout = try Descriptors.socketPair()
            } catch {
                Descriptors.close(stdin.parent)
                Descriptors.close(stdin.child)
                throw error
            }
        } catch {
            throw failure(error.description)
        }
        let exit = ExitRecord()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        process.standardInput = FileHandle(fileDescriptor: stdin.child, closeOnDealloc: false)
        process.standardOutput = FileHandle(fileDescriptor: stdout.child, closeOnDealloc: false)
        process.standardError = FileHandle.standardError
        process.terminationHandler = { finished in exit.record(finished) }
        do {
            try process.run()
        } catch {
            for descriptor in [stdin.parent, stdin.child, stdout.parent, stdout.child] {
                Descriptors.close(descriptor)
            }
            throw failure("\(error.localizedDescription)")
        }
        // The child has its own copies now; ours must go, or its stdout never reaches EOF.
        Descriptors.close(stdin.child)
        Descriptors.close(stdout.child)
        let worker = WorkerProcess(
            command: command, process: process, input: stdin.parent, output: stdout.parent,
            exit: exit)
        worker.reader.start(
            line: { [weak worker] line in if let worker { events(worker, .line(line)) } },
            end: { [weak worker] end in if let worker { events(worker, .end(end)) } })
        return worker
    }

    /// The executable `name` names: a path when it contains `/`, else the first match on `PATH`.
    private static func resolve(
        _ name: String,
        environment: [String: String],
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
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw failure("'\(name)' was not found on PATH")
    }

    /// Writes one encoded frame line to the worker's stdin. Blocking, under the writer lock:
    /// lines are small and a Wove worker drains its stdin on a thread of its own, so the
    /// kernel's socket buffer absorbs them. A worker that stops reading blocks a write for at
    /// most the write timeout; after any failed write the input is closed, since a partly
    /// written line would corrupt every later frame.
    func write(_ line: [UInt8]) throws(StdioExecutorError) {
        let result = input.withLock { descriptor -> Result<Void, SystemCallError> in
            guard descriptor >= 0 else { return .failure(SystemCallError("send", code: EPIPE)) }
            let sent = Result { () throws(SystemCallError) in try Descriptors.send(line, to: descriptor) }
            if case .failure = sent {
                Descriptors.close(descriptor)
                descriptor = -1
            }
            return sent
        }
        if case .failure(let error) = result {
            throw StdioExecutorError(
                .writeFailed(
                    command: StdioExecutorError.render(command), pid: pid, reason: error.description))
        }
    }

    /// Stops the worker: `shutdown`, then end of input; after 1 s `SIGTERM`, after one more
    /// `SIGKILL`. Returns once it has exited and its reader has closed stdout.
    ///
    /// The shutdown line is written on a task of its own: a worker that stopped reading its
    /// stdin can leave a `send` blocked under the writer lock, and the signals must not wait
    /// behind it. Once the worker is dead, that `send` fails and the input closes.
    ///
    /// Waits by polling with `Task.sleep`, so call it from a task that is not cancelled.
    func stop(shutdownLine: [UInt8]?) async {
        let closing = Task.detached {
            if let shutdownLine { try? self.write(shutdownLine) }
            self.closeInput()
        }
        let signals: [Int32] = [SIGTERM, SIGKILL]
        for signal in signals {
            if await waitForExit(upTo: .seconds(1)) { break }
            _ = kill(pid, signal)
        }
        _ = await waitForExit(upTo: .seconds(5))
        await closing.value
        reader.stop()
        await reader.waitUntilFinished()
    }

    /// How the process ended, waiting up to `limit` for it on the calling thread:
    /// "exit status 3", "killed by signal 9" or "process still running".
    func exitDescription(waitingUpTo limit: Duration) -> String {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline, exit.status == nil {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return exit.status ?? "process still running"
    }

    private func waitForExit(upTo limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while exit.status == nil, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return exit.status != nil
    }

    private func closeInput() {
        input.withLock { descriptor in
            Descriptors.close(descriptor)
            descriptor = -1
        }
    }

    deinit {
        // Normally stop() ran; if the executor was dropped without it, leave no orphan behind.
        if exit.status == nil { _ = kill(pid, SIGKILL) }
        closeInput()
    }
}

/// How a child process ended, recorded by its termination handler.
private final class ExitRecord: Sendable {
    private let value = LockedValue<String?>(nil)

    var status: String? { value.withLock { $0 } }

    func record(_ process: Process) {
        let status =
            process.terminationReason == .uncaughtSignal
            ? "killed by signal \(process.terminationStatus)" : "exit status \(process.terminationStatus)"
        value.withLock { $0 = status }
    }
}
