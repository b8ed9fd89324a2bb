#if Logging
    import InMemoryLogging
    import Logging
    import Testing
    import WoveLogging

    @Suite("swift-log records of a weave")
    struct LoggingTests {
        private func entries(level: Logger.Level = .trace) async throws -> [InMemoryLogHandler.Entry] {
            let handler = InMemoryLogHandler()
            var logger = Logger(label: "wove-test") { _ in handler }
            logger.logLevel = level
            _ = try await ObservedWeave.run(.logger(logger))
            return handler.entries
        }

        private func first(
            _ entries: [InMemoryLogHandler.Entry], _ message: String, task: String
        ) throws -> InMemoryLogHandler.Entry {
            try #require(
                entries.first { $0.message.description == message && $0.metadata["task"] == "\(task)" })
        }

        @Test(
            "a retry is a notice, a failure an error, a dependent never run a notice, each with its metadata")
        func levels() async throws {
            let entries = try await entries()
            let retry = try first(entries, "Attempt failed; retrying", task: "flaky")
            #expect(retry.level == .notice)
            #expect(retry.metadata["attempt"] == "1" && retry.metadata["environment"] == "local")
            #expect(retry.metadata["weave"] == "\(ObservedWeave.name)")
            #expect(retry.error is Failure)
            let failed = try first(entries, "Task failed", task: "bad")
            #expect(failed.level == .error && failed.error is Failure && failed.metadata["duration"] != nil)
            #expect(
                try first(entries, "Task did not run: a dependency failed", task: "after_bad").level
                    == .notice)
            #expect(try first(entries, "Task finished", task: "flaky").level == .debug)
            #expect(entries.contains { $0.message == "Weave failed" && $0.level == .error })
            let weaveIDs = Set(entries.compactMap { $0.metadata["weave_id"]?.description })
            #expect(weaveIDs.count == 1, "one weave run: \(weaveIDs)")
        }

        @Test("a mapped task's items and a remote run are traced with their index and run id")
        func itemsAndRemoteRuns() async throws {
            let entries = try await entries()
            let items = entries.filter { $0.message == "Item finished" }
            #expect(items.count == 3 && items.allSatisfy { $0.level == .trace && $0.metadata["item"] != nil })
            let sent = try first(entries, "Remote run sent", task: "double")
            let runID = try #require(sent.metadata["run_id"]?.description)
            #expect(runID.hasPrefix("double:") && sent.metadata["environment"] == "remote")
            let finished = try first(entries, "Remote run finished", task: "double")
            #expect(finished.metadata["run_id"]?.description == runID && finished.level == .trace)
            #expect(
                entries.contains {
                    $0.message == "Remote run started" && $0.metadata["run_id"]?.description == runID
                })
        }

        @Test("at the logger's level, records below it are not made")
        func levelFilter() async throws {
            let entries = try await entries(level: .notice)
            #expect(!entries.isEmpty && entries.allSatisfy { $0.level >= .notice })
            #expect(
                Set(entries.map(\.message.description)).isSuperset(of: [
                    "Attempt failed; retrying", "Task failed",
                ]))
        }
    }
#endif
