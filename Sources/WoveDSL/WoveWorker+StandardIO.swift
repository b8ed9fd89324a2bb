#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension WoveWorker {
    /// Serves as a `stdio` worker and then exits the process when it was started as one
    /// (`WOVE_WORKER=1` in its environment); otherwise returns at once.
    ///
    /// This lets one executable be both the program and its own workers: a `stdio`
    /// environment without a `command` starts the current executable again, with
    /// `WOVE_WORKER=1`. Call it early in `main`, before the program's own work:
    ///
    /// ```swift
    /// // main.swift
    /// import WoveDSL
    ///
    /// await WoveWorker { ReportTasks().tasks }.runIfRequested()  // never returns in a worker
    ///
    /// try Wove.config(environments: ["remote": EnvironmentSettings(executor: .stdio())])
    /// let result = try await weave(["order_id": 42]) {
    ///     ReportTasks().tasks  // the tasks are shared; these run in this process…
    ///     Task("score", after: "account") { (account: Account) in score(account) }
    ///         .environment("remote")  // …and this one runs in a worker process
    /// }
    /// ```
    ///
    /// A weave started with `weaveInBackground(…, options: .fork)` continues in a child started the
    /// same way; there this runs that weave with these tasks instead of serving frames.
    ///
    /// A job started by a cluster scheduler for a `slurm`, `ray` or other backend executor
    /// (its payload in `WOVE_BACKEND_PAYLOAD`, `WOVE_BACKEND_PAYLOAD_FILE` or after a
    /// `--wove-backend-payload` argument) runs its one task here instead, reports back to the
    /// submitting process, and exits; that needs the `WoveBackends` module's
    /// `BackendWorker.enable()` to have been called first.
    ///
    /// In worker mode, stdout carries frames only: write diagnostics to stderr. `WOVE_WORKER` is
    /// removed from the environment before serving, so processes the tasks start do not
    /// inherit it.
    public func runIfRequested() async {
        if let payload = BackendWorkerMode.requested() {
            // Processes the task starts are not jobs, even if they are Wove programs too.
            for variable in [
                BackendWorkerMode.payloadVariable, BackendWorkerMode.payloadFileVariable,
                BackendWorkerMode.jobVariable,
            ] {
                unsetenv(variable)
            }
            guard let runner = BackendWorkerMode.runner.withLock({ $0 }) else {
                Descriptors.writeToStandardError(BackendWorkerMode.notEnabledMessage)
                exit(BackendWorkerMode.notEnabledStatus)
            }
            exit(await runner(self, payload))
        }
        guard WorkerMode.isRequested else { return }
        // Processes the tasks start are not workers, even if they are Wove programs too.
        unsetenv(WorkerMode.variable)
        if let context = ForkContext.requestedPath {
            unsetenv(ForkContext.environmentVariable)
            await runForkedWeave(contextPath: context)
        } else {
            await serveStandardIO()
        }
        exit(0)
    }

    /// Serves frames read from stdin, one JSON object per line, and writes every event frame
    /// to stdout as one compact JSON line, until `shutdown` or the end of stdin.
    ///
    /// A line that is not a valid frame is answered with
    /// `{"type":"log","message":"Invalid stdio worker frame: …"}` and serving goes on. Returns
    /// once every run has settled. Everything else this process writes to stdout would corrupt
    /// the protocol: write diagnostics to stderr.
    ///
    /// ```swift
    /// let worker = WoveWorker { Task("double", after: "value") { (value: Int) in value * 2 } }
    /// await worker.serveStandardIO()
    /// // stdin:  {"type":"run_task","run_id":"double:1","task_id":"double","args":{"value":21}}
    /// // stdout: {"type":"task_started","run_id":"double:1","task_id":"double"}
    /// //         {"type":"task_result","run_id":"double:1","task_id":"double","result":42}
    /// ```
    public func serveStandardIO() async {
        let output = FrameLineWriter(descriptor: STDOUT_FILENO)
        let inputs = WorkerInputQueue()
        let reader = LineReader(descriptor: STDIN_FILENO, name: "wove.stdin", closeWhenDone: false)
        reader.start(
            line: { line in
                guard FrameLine.hasContent(line) else { return }
                do {
                    inputs.push(.frame(try FrameLine.decode(line)))
                } catch {
                    inputs.push(.unreadable(FrameLine.reason(error)))
                }
            },
            end: { _ in inputs.finish() })
        await serve(inputs: inputs, emit: { await output.write($0) }, emitNow: { output.enqueue($0) })
        await output.flush()
        reader.stop()
        await reader.waitUntilFinished()
    }
}

/// Writes frames to stdout as JSON lines, whole lines in order, through a ``LineWriter``: a
/// host that reads slowly holds back only the runs emitting (a blocking thread carrying a run
/// waits once a megabyte is queued), never a cooperative thread.
private final class FrameLineWriter: Sendable {
    private let writer: LineWriter

    init(descriptor: Int32) {
        // A duplicate, so finishing the writer never closes the process's own stdout.
        writer = LineWriter(descriptor: dup(descriptor), name: "wove.stdout")
    }

    func write(_ frame: WoveFrame) async {
        // Every event this worker emits can be written: a result that cannot becomes a task_error.
        guard let line = try? FrameLine.encode(frame) else { return }
        try? await writer.write(line)
    }

    /// Queues `frame` after those written before, and returns at once.
    func enqueue(_ frame: WoveFrame) {
        guard let line = try? FrameLine.encode(frame) else { return }
        writer.enqueue(line)
    }

    /// Returns once everything written so far is out.
    func flush() async {
        try? await writer.write([])
        writer.finish()
    }
}
