#if Backends
    import Foundation
    import Testing
    import WoveBackends
    import WoveDSL
    import WoveRuntime

    #if canImport(Glibc)
        import Glibc
    #endif

    /// What every backend must do, run against one scheduler at a time: the tasks are the test
    /// worker's (Tests/WoveTestWorker), declared here under the same names and signatures, and
    /// routed to the `jobs` environment, whose jobs run the test worker.
    struct BackendScenarios {
        let provider: ExecutorProvider
        /// Ends a job from outside Wove, as its scheduler's own command would; gets the pid file's path.
        let killFromOutside: @Sendable (_ pidFile: String) async throws -> Void

        /// Options for jobs running the test worker, asked about often so that tests are quick.
        static let options = BackendOptions(command: [TestWorker.path], pollInterval: .milliseconds(500))

        private func configured<T: Sendable>(_ body: () async throws -> T) async throws -> T {
            try await Wove.withConfiguration(
                WoveConfiguration(environments: ["jobs": EnvironmentSettings(executor: provider)])
            ) {
                try await body()
            }
        }

        /// A weave with a task run as a job and local tasks around it equals the same weave run locally.
        func mixedWeaveEqualsLocal() async throws {
            @WeaveBuilder func tasks(remote: Bool) -> TaskList {
                Task("double", after: "value") { (value: Int) in value &* 2 }.environment(
                    remote ? "jobs" : "local")
                Task("plus_three", after: "double") { (double: Int) in double + 3 }
            }
            let remote = try await configured { try await weave(["value": 21]) { tasks(remote: true) } }
            let local = try await weave(["value": 21]) { tasks(remote: false) }
            #expect(try remote.value("double", as: Int.self) == 42)
            #expect(try remote.value("plus_three", as: Int.self) == local.value("plus_three", as: Int.self))
        }

        /// A mapped task runs one job per item, and its results come back in order.
        func mappedTaskInOrder() async throws {
            let result = try await configured {
                try await weave(["values": [5, 1, 9, 3]]) {
                    Task("plus_one", mapping: "values") { (item: Int) in item + 1 }.environment("jobs")
                }
            }
            #expect(try result.value("plus_one", as: [Int].self) == [6, 2, 10, 4])
        }

        /// A payload over Linux's 128 KiB limit for one variable goes by file, and arrives whole.
        func payloadLargerThanTheArgumentLimit() async throws {
            let text = String(repeating: "wove ", count: 40_000)
            let result = try await configured {
                try await weave(["text": text]) {
                    Task("length_0", after: "text") { (text: String) in text.utf8.count }.environment("jobs")
                }
            }
            #expect(try result.value("length_0", as: Int.self) == 200_000)
        }

        /// Cancelling the weave cancels its job: the job's process is gone soon after.
        func cancelledWeaveEndsTheJob() async throws {
            let pidFile = Self.temporaryPath("pid")
            let (run, pid) = try await startSleepingJob(pidFile: pidFile)
            run.cancel()
            _ = try? await run.value
            try await Self.waitUntilGone(pid)
        }

        /// A job ended from outside fails its task with an error naming the job, in bounded time;
        /// `saying` is how: a job that could report its cancellation (SIGTERM) says it was
        /// cancelled outside Wove, one killed outright is found ended by the status poll.
        func jobEndedFromOutsideFailsItsTask(saying expected: String) async throws {
            let pidFile = Self.temporaryPath("pid")
            let started = ContinuousClock.now
            let (run, pid) = try await startSleepingJob(pidFile: pidFile)
            try await killFromOutside(pidFile)
            let outcome = await run.result
            guard case .failure(let failure) = outcome, let error = failure as? EnvironmentExecutionError
            else {
                Issue.record("the weave did not fail with the job's error: \(outcome)")
                return
            }
            #expect(error.payload.kind == "BackendJobLost")
            #expect(error.payload.message.contains("job"))
            #expect(error.payload.message.contains(expected), "\(error.payload.message)")
            #expect(ContinuousClock.now - started < .seconds(60))
            try await Self.waitUntilGone(pid)
        }

        /// Starts a weave whose one task is a job that writes its pid to `pidFile` and sleeps;
        /// returns the weave's task and the job's pid, once the job runs.
        private func startSleepingJob(pidFile: String) async throws -> (Task<WoveResult, any Error>, Int32) {
            let run = Task {
                try await configured {
                    try await weave(["path": pidFile]) {
                        Task("pid_then_sleep", after: "path") { (_: String) async throws -> Int in 0 }
                            .environment("jobs")
                    }
                }
            }
            return (run, try await Self.waitForPID(in: pidFile))
        }

        static func temporaryPath(_ name: String) -> String {
            FileManager.default.temporaryDirectory.appendingPathComponent("wove-\(name)-\(UUID().uuidString)")
                .path
        }

        /// The pid the job wrote to `path`, waiting up to 60 s for the job to start.
        static func waitForPID(in path: String) async throws -> Int32 {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if let data = FileManager.default.contents(atPath: path),
                    let pid = Int32(String(decoding: data, as: UTF8.self))
                {
                    return pid
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw EngineCommandError(description: "the job did not write its pid to \(path) within 60 s")
        }

        /// Returns once process `pid` is gone; fails after 30 s.
        static func waitUntilGone(_ pid: Int32) async throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                if kill(pid, 0) != 0 && errno == ESRCH { return }
                // A zombie has exited: only its parent's reaping is left.
                if let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    status.split(separator: " ").dropFirst(2).first == "Z"
                {
                    return
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("process \(pid) still runs 30 s after its job was cancelled")
        }
    }
#endif
