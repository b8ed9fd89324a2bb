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
            try await scenarios.jobEndedFromOutsideFailsItsTask(saying: "without reporting")
        }

        /// Signed callbacks, end to end: the job signs with the secret in the variable the
        /// settings name (PATH here, which both processes have), and the server checks it.
        @Test func signedCallbacksFromTheJobAreVerified() async throws {
            var options = BackendScenarios.options
            options.callbackSecretVariable = "PATH"
            let signed = BackendScenarios(
                provider: .backend(name: "local-process", options: options) { LocalProcessAdapter() },
                killFromOutside: { _ in })
            try await signed.mixedWeaveEqualsLocal()
        }

        /// A job signing with another secret is refused: it cannot report, exits, and its task
        /// fails with the job named.
        @Test func callbacksSignedWithAnotherSecretAreRefused() async throws {
            var options = BackendScenarios.options
            options.callbackSecretVariable = "PATH"
            let forged = BackendScenarios(
                provider: .backend(name: "local-process", options: options) {
                    LocalProcessAdapter(overrides: ["PATH": "/not/the/secret"])
                },
                killFromOutside: { _ in })
            await #expect {
                try await forged.mixedWeaveEqualsLocal()
            } throws: { error in
                "\(error)".contains("BackendJobLost") && "\(error)".contains("without reporting")
            }
        }
    }
#endif
