#if Backends
    public import WoveRuntime

    /// Hands Wove's runs to a cluster scheduler as jobs: the part of a backend executor that
    /// knows the scheduler. Everything else (the callback server the jobs report to, the payload,
    /// job bookkeeping, cancellation, jobs that die without reporting) is the executor's, so an
    /// adapter is a few calls to the scheduler's own API.
    ///
    /// The job runs ``BackendJob/command`` with ``BackendJob/environment`` added to its
    /// environment; that program calls `WoveWorker.runIfRequested()` (after
    /// ``BackendWorker/enable()``), runs the task, and POSTs its events back. What the scheduler
    /// returns is never the task's result: only those events are.
    ///
    /// ```swift
    /// struct LocalProcessAdapter: BackendAdapter {
    ///     func submit(_ job: BackendJob) async throws -> BackendSubmission {
    ///         let process = job.makeProcess()
    ///         try process.run()
    ///         return BackendSubmission(runID: job.runID, id: "\(process.processIdentifier)")
    ///     }
    /// }
    /// ```
    ///
    /// The `CustomBackend` example (`swift run --traits Backends CustomBackend`) runs that adapter.
    public protocol BackendAdapter: Sendable {
        /// The scheduler's name in messages: `Slurm`, `Ray`.
        var engineName: String { get }

        /// Prepares the adapter once the executor's callback server listens; throwing fails the
        /// environment's start with this error.
        func start(_ context: BackendContext) async throws

        /// Submits one job and returns the scheduler's handle for it.
        func submit(_ job: BackendJob) async throws -> BackendSubmission

        /// Cancels the job of run `runID`: the run was cancelled, or its weave ended before it did.
        func cancel(runID: String, submission: BackendSubmission) async throws

        /// Where the jobs of `submissions` are: still queued or running, or ended in a final state.
        /// The executor asks while runs are pending, so that a job that ends without reporting
        /// (killed, lost with its node) fails its run instead of leaving it waiting; a job left
        /// out of the answer is taken as still active.
        func statuses(of submissions: [BackendSubmission]) async throws -> [BackendSubmission:
            BackendJobStatus]

        /// Releases what ``start(_:)`` acquired; called once, when the weave run is over.
        func close() async throws
    }

    extension BackendAdapter {
        /// The adapter's type name.
        public var engineName: String { String(describing: type(of: self)) }
        /// Nothing to prepare.
        public func start(_ context: BackendContext) async throws {}
        /// Nothing to cancel: the job runs to its end, and its events are ignored.
        public func cancel(runID: String, submission: BackendSubmission) async throws {}
        /// No status: a job that never reports leaves its run to its delivery timeout.
        public func statuses(of submissions: [BackendSubmission]) async throws -> [BackendSubmission:
            BackendJobStatus]
        { [:] }
        /// Nothing to release.
        public func close() async throws {}
    }

    /// What an adapter learns when its environment starts.
    public struct BackendContext: Sendable {
        /// The environment's name.
        public let environmentName: String
        /// The environment's `executor_config`, the executor's own settings included.
        public let configuration: [String: JSONValue]
        /// Where jobs report their events.
        public let callbackURL: String
        /// Settings of the weave run.
        public let runConfig: RunConfig
    }

    /// One job to submit: a run of a task, and the command that performs it.
    public struct BackendJob: Sendable {
        /// The run's id, unique within the process; a good part of a job name.
        public let runID: String
        /// The task's name.
        public let taskID: String
        /// The command the job runs: the worker executable and its arguments.
        public let command: [String]
        /// Variables the job's environment must have: the payload, as `WOVE_BACKEND_PAYLOAD`, or
        /// the path of a file holding it, as `WOVE_BACKEND_PAYLOAD_FILE` (for payloads too large
        /// for one variable; the file is on this machine, so the job must share its file system).
        public let environment: [String: String]
        /// The payload itself, for adapters that send it another way.
        public let payload: BackendPayload
    }

    /// A scheduler's handle for a submitted job.
    public struct BackendSubmission: Sendable, Hashable, CustomStringConvertible {
        /// The run the job performs.
        public let runID: String
        /// The scheduler's id for the job: a Slurm job id, a Ray submission id.
        public let id: String

        /// A handle for the job `id` of run `runID`.
        public init(runID: String, id: String) {
            self.runID = runID
            self.id = id
        }

        /// The job id.
        public var description: String { id }
    }

    /// Where a submitted job is.
    public enum BackendJobStatus: Sendable, Hashable {
        /// Queued or running.
        case active
        /// Over, in the scheduler's final state (`COMPLETED`, `FAILED`, `CANCELLED`, `STOPPED`…).
        case ended(state: String)
    }
#endif
