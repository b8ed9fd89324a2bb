#if Slurm
    import Foundation
    import WoveBackends
    import WoveRuntime

    /// Submits each run as a Slurm batch job: `sbatch --parsable --job-name <prefix>-<run id>`
    /// with a job script read from stdin that exports the job's variables (the payload, inline or
    /// as a file path) and `exec`s the job command. Cancelling is `scancel <job id>`; job states come from one `squeue` for all
    /// pending jobs, and `scontrol show job` for those that left the queue.
    struct SlurmAdapter: BackendAdapter {
        let settings: SlurmSettings

        var engineName: String { "Slurm" }

        func submit(_ job: BackendJob) async throws -> BackendSubmission {
            // The job's variables are in the script itself, so that they reach it whatever
            // `--export` the site or `sbatch_arguments` set.
            let exports = job.environment.sorted { $0.key < $1.key }.map {
                "export \($0.key)=\(BackendJob.shellQuoted($0.value))\n"
            }
            let script =
                "#!/bin/sh\n" + exports.joined() + "exec "
                + job.shellCommand + "\n"
            let command =
                settings.sbatch + ["--parsable", "--job-name", "\(settings.prefix)-\(job.runID)"]
                + settings.arguments
            let output = try await CommandRunner.run(command, input: Array(script.utf8))
            guard output.status == 0 else {
                throw SlurmError(
                    "\(Self.render(command)) exited with status \(output.status): \(output.stderr)")
            }
            let id = output.stdout.split(separator: ";").first.map(String.init) ?? ""
            guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
                throw SlurmError(
                    "\(Self.render(command)) printed '\(output.stdout.prefix(200))', not a job id")
            }
            return BackendSubmission(runID: job.runID, id: id)
        }

        func cancel(runID: String, submission: BackendSubmission) async throws {
            let output = try await CommandRunner.run(settings.scancel + [submission.id])
            guard output.status == 0 else {
                throw SlurmError(
                    "scancel of job \(submission.id) exited with status \(output.status): \(output.stderr)")
            }
        }

        func statuses(of submissions: [BackendSubmission]) async throws -> [BackendSubmission:
            BackendJobStatus]
        {
            let ids = submissions.map(\.id).joined(separator: ",")
            let queue = try await CommandRunner.run(settings.squeue + ["-h", "-j", ids, "-o", "%i %T"])
            var queued: [String: String] = [:]
            // Anything but an unknown job id is Slurm not answering: no job is taken for lost.
            if queue.status != 0, !queue.stderr.contains("Invalid job id") {
                throw SlurmError("squeue exited with status \(queue.status): \(queue.stderr)")
            }
            if queue.status == 0 {
                for line in queue.stdout.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if words.count == 2 { queued[String(words[0])] = String(words[1]) }
                }
            }
            var statuses: [BackendSubmission: BackendJobStatus] = [:]
            for submission in submissions {
                if let state = queued[submission.id] {
                    statuses[submission] = Self.ended.contains(state) ? .ended(state: state) : .active
                } else {
                    statuses[submission] = try await finalStatus(of: submission)
                }
            }
            return statuses
        }

        /// The state of a job that is not in the queue: `scontrol`'s, or `GONE` once Slurm has forgotten it.
        private func finalStatus(of submission: BackendSubmission) async throws -> BackendJobStatus {
            let output = try await CommandRunner.run(
                settings.scontrol + ["show", "job", submission.id, "-o"])
            guard output.status == 0 else {
                guard output.stderr.contains("Invalid job id") else {
                    throw SlurmError("scontrol exited with status \(output.status): \(output.stderr)")
                }
                return .ended(state: "GONE (no longer known to Slurm)")
            }
            let state = output.stdout.split(separator: " ").first { $0.hasPrefix("JobState=") }
                .map { String($0.dropFirst("JobState=".count)) }
            guard let state else { return .active }
            return Self.ended.contains(state) ? .ended(state: state) : .active
        }

        /// Slurm's final job states.
        static let ended: Set<String> = [
            "COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED",
            "BOOT_FAIL",
            "DEADLINE", "REVOKED", "SPECIAL_EXIT",
        ]

        static func render(_ command: [String]) -> String { command.joined(separator: " ") }
    }

    /// A Slurm command failed.
    struct SlurmError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
