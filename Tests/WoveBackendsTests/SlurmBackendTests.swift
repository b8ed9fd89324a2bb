#if Slurm
    import Foundation
    import Testing
    @testable import WoveSlurm
    import WoveDSL

    /// Every backend scenario with real Slurm jobs (`.ci/engines start` runs Slurm here).
    @Suite(
        "Slurm backend", .serialized,
        .enabled(
            if: Engines.slurmIsRunning || Engines.isRequired,
            "Skipped: Slurm is not running; \(Engines.howToStart)."))
    struct SlurmBackendTests {
        let scenarios = BackendScenarios(
            provider: .slurm(
                sbatchArguments: ["--output=/dev/null"], prefix: "wove-test",
                options: BackendScenarios.options),
            killFromOutside: { pidFile in
                // The job's own process knows its job id.
                let pid = try await BackendScenarios.waitForPID(in: pidFile)
                let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data()
                let job = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                    .first { $0.hasPrefix("SLURM_JOB_ID=") }?.dropFirst("SLURM_JOB_ID=".count)
                let id = try #require(job.map(String.init), "the job's process has no SLURM_JOB_ID")
                let output = try await CommandRunner.run(["scancel", id])
                #expect(output.status == 0, "scancel \(id): \(output.stderr)")
            })

        init() throws { try Engines.require(Engines.slurmIsRunning, "Slurm") }

        @Test func mixedWeaveEqualsLocal() async throws { try await scenarios.mixedWeaveEqualsLocal() }
        @Test func mappedTaskRunsOneJobPerItemInOrder() async throws {
            try await scenarios.mappedTaskInOrder()
        }
        @Test func payloadLargerThanTheArgumentLimit() async throws {
            try await scenarios.payloadLargerThanTheArgumentLimit()
        }
        @Test func cancelledWeaveCancelsTheJob() async throws {
            try await scenarios.cancelledWeaveEndsTheJob()
        }
        @Test func scancelFromOutsideFailsTheTask() async throws {
            try await scenarios.jobEndedFromOutsideFailsItsTask(saying: "was cancelled outside Wove")
        }

        /// A job id `sbatch` did not print, and a failing `sbatch`, fail the task with the command's words.
        @Test func failingSbatchFailsTheTaskWithItsMessage() async throws {
            let failing = BackendScenarios(
                provider: .slurm(
                    sbatchArguments: ["--partition=no-such-partition"], options: BackendScenarios.options),
                killFromOutside: { _ in })
            await #expect {
                try await failing.mixedWeaveEqualsLocal()
            } throws: { error in
                "\(error)".contains("Slurm could not take the job")
                    && "\(error)".contains("no-such-partition")
            }
        }
    }
#endif
