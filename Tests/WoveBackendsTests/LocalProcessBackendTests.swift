#if Backends
    import Foundation
    import Testing
    import WoveBackends
    import WoveDSL

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Every backend scenario through an adapter of the tests' own, whose jobs are processes of
    /// this machine: the executor, the callback server and the job side, with no scheduler.
    @Suite("Backend executor with a local-process adapter")
    struct LocalProcessBackendTests {
        let scenarios = BackendScenarios(
            provider: .backend(name: "local-process", options: BackendScenarios.options) {
                LocalProcessAdapter()
            },
            killFromOutside: { pidFile in
                // SIGKILL: the job cannot report, so only the status poll can tell.
                let pid = try await BackendScenarios.waitForPID(in: pidFile)
                kill(pid, SIGKILL)
            })

        @Test func mixedWeaveEqualsLocal() async throws { try await scenarios.mixedWeaveEqualsLocal() }
        @Test func mappedTaskInOrder() async throws { try await scenarios.mappedTaskInOrder() }
        @Test func payloadLargerThanTheArgumentLimit() async throws {
            try await scenarios.payloadLargerThanTheArgumentLimit()
        }
        @Test func cancelledWeaveEndsTheJob() async throws { try await scenarios.cancelledWeaveEndsTheJob() }
        @Test func jobKilledFromOutsideFailsItsTask() async throws {
            try await scenarios.jobEndedFromOutsideFailsItsTask()
        }
    }
#endif
