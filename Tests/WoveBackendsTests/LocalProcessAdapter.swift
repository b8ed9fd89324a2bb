#if Backends
    import Foundation
    import WoveBackends
    import WoveRuntime

    #if canImport(Glibc)
        import Glibc
    #endif

    /// A scheduler of the simplest kind, for the tests that need no engine: each job is a process
    /// of this machine, started at once. Cancelling sends `SIGTERM`, as `scancel` does; a job's
    /// status is whether its process has exited, and how.
    final class LocalProcessAdapter: BackendAdapter {
        private let exits = LockedExits()
        /// Variables every job gets on top of the executor's: a wrong secret, say.
        private let overrides: [String: String]

        init(overrides: [String: String] = [:]) { self.overrides = overrides }

        var engineName: String { "Local process" }

        func submit(_ job: BackendJob) async throws -> BackendSubmission {
            let process = job.makeProcess()
            process.environment = process.environment?.merging(overrides) { $1 }
            process.standardOutput = FileHandle.nullDevice
            let exits = self.exits
            process.terminationHandler = { finished in
                let how =
                    finished.terminationReason == .uncaughtSignal
                    ? "KILLED_BY_SIGNAL_\(finished.terminationStatus)"
                    : "EXITED_\(finished.terminationStatus)"
                exits.record("\(finished.processIdentifier)", how)
            }
            try process.run()
            return BackendSubmission(runID: job.runID, id: "\(process.processIdentifier)")
        }

        func cancel(runID: String, submission: BackendSubmission) async throws {
            if let pid = Int32(submission.id), exits.state(of: submission.id) == nil { kill(pid, SIGTERM) }
        }

        func statuses(of submissions: [BackendSubmission]) async throws -> [BackendSubmission:
            BackendJobStatus]
        {
            var statuses: [BackendSubmission: BackendJobStatus] = [:]
            for submission in submissions {
                statuses[submission] = exits.state(of: submission.id).map { .ended(state: $0) } ?? .active
            }
            return statuses
        }
    }

    /// How each job's process ended, by pid.
    final class LockedExits: Sendable {
        private let states = LockedValue<[String: String]>([:])
        func record(_ pid: String, _ how: String) { states.withLock { $0[pid] = how } }
        func state(of pid: String) -> String? { states.withLock { $0[pid] } }
    }
#endif
