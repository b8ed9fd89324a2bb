/// Why the stdio executor could not start, send or receive. Its description names the worker
/// command, and the process id and exit status when there is a process.
struct StdioExecutorError: Error, CustomStringConvertible {
    enum Reason: Equatable {
        case notStarted
        case alreadyStarted
        case stopped
        case cannotLaunch(command: String, reason: String)
        case closedOutput(command: String, pid: Int32, status: String)
        case readFailed(command: String, pid: Int32, reason: String)
        case writeFailed(command: String, pid: Int32, reason: String)
        case unsupportedFrame(String)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    var description: String {
        switch reason {
        case .notStarted: "Stdio executor is not started."
        case .alreadyStarted: "Stdio executor is already started; each weave run starts a new one."
        case .stopped: "Stdio executor is stopped."
        case .cannotLaunch(let command, let reason):
            "Cannot start stdio worker command '\(command)': \(reason)."
        case .closedOutput(let command, let pid, let status):
            "Worker process '\(command)' (pid \(pid)) closed stdout unexpectedly (\(status))."
        case .readFailed(let command, let pid, let reason):
            "Reading from worker process '\(command)' (pid \(pid)) failed: \(reason)."
        case .writeFailed(let command, let pid, let reason):
            "Writing to worker process '\(command)' (pid \(pid)) failed: \(reason)."
        case .unsupportedFrame(let type):
            "The stdio executor sends only run_task, cancel_task and shutdown frames, not '\(type)'."
        }
    }

    /// `command` as one line, quoting words that need it.
    static func render(_ command: [String]) -> String {
        command.map { word in
            word.isEmpty || word.contains(where: { $0.isWhitespace || "'\"\\".contains($0) })
                ? "'" + word.replacing("'", with: "'\\''") + "'" : word
        }
        .joined(separator: " ")
    }
}
