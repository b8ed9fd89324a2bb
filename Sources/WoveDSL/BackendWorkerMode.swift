package import WoveRuntime

/// How an executable started by a cluster scheduler's job learns that it runs one task for a
/// `BackendAdapter` executor, and where its payload is: ``WoveWorker/runIfRequested()`` looks
/// here before it looks for a stdio worker.
///
/// The worker side of a job needs HTTP to call back, so it lives in the `WoveBackends` module;
/// that module installs ``runner`` (its `BackendWorker.enable()`), and the core only finds the payload.
package enum BackendWorkerMode {
    /// The base64 of the payload's compact JSON, as Python wove's backend worker reads it.
    package static let payloadVariable = "WOVE_BACKEND_PAYLOAD"
    /// The path of a file holding the payload: for payloads over the 128 KiB limit of one
    /// environment variable or argument.
    package static let payloadFileVariable = "WOVE_BACKEND_PAYLOAD_FILE"
    /// Set to `1` in every job's environment, next to the payload: a job that has it but no
    /// payload (a scheduler that did not pass the environment on) stops, rather than run the
    /// whole program, which would submit jobs of its own.
    package static let jobVariable = "WOVE_BACKEND_JOB"
    /// The argument before the base64 payload, for schedulers that pass arguments, not environments.
    package static let payloadArgument = "--wove-backend-payload"

    /// Where a job's payload is.
    package enum Source: Sendable, Equatable {
        /// Started as a job (``jobVariable`` is set), without its payload.
        case missing
        /// Base64 of the payload's JSON.
        case encoded(String)
        /// A file holding the payload's JSON, or its base64.
        case file(String)
    }

    /// Runs the job's task and returns the process's exit status.
    package typealias Runner = @Sendable (WoveWorker, Source) async -> Int32

    /// Installed by `WoveBackends`.
    package static let runner = LockedValue<Runner?>(nil)

    /// The exit status of a job whose program has no backend support linked in.
    package static let notEnabledStatus: Int32 = 78

    /// Where this process's payload is, if it was started as a backend job.
    package static func requested() -> Source? {
        let environment = ProcessEnvironment.value(of:)
        if let path = environment(payloadFileVariable), !path.isEmpty { return .file(path) }
        if let encoded = environment(payloadVariable), !encoded.isEmpty { return .encoded(encoded) }
        let arguments = CommandLine.arguments
        if let flag = arguments.firstIndex(of: payloadArgument), flag + 1 < arguments.count {
            return .encoded(arguments[flag + 1])
        }
        return environment(jobVariable) == "1" ? .missing : nil
    }

    /// What a job whose program cannot run backend payloads says on stderr.
    static let notEnabledMessage =
        "This process was started as a Wove backend job (\(payloadVariable), \(payloadFileVariable) or "
        + "\(payloadArgument) is set), but its program has no backend support: enable the Backends trait "
        + "(or Slurm or Ray), import WoveBackends and call BackendWorker.enable() (registerSlurmExecutors() "
        + "and registerRayExecutors() call it) before WoveWorker.runIfRequested().\n"
}
