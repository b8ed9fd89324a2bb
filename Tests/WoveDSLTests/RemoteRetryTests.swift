import Foundation
import Testing
import WoveDSL

/// Retries of remote runs follow the worker's `retryable` flag.
@Suite("Remote retries")
struct RemoteRetryTests {
    private func configuration(_ executor: ScriptedExecutor) -> WoveConfiguration {
        WoveConfiguration(environments: ["remote": EnvironmentSettings(executor: .shared(executor))])
    }

    /// Answers the `index`-th run (0-based) once it has been sent.
    private func answer(_ executor: ScriptedExecutor, run index: Int, with frame: (String) -> WoveFrame)
        async throws
    {
        try await executor.waitForRuns(index + 1)
        executor.emit(frame(executor.runs[index].runID))
    }

    @Test("a retryable remote error is retried under the task's retries, and a retry can succeed")
    func retryableIsRetried() async throws {
        let executor = ScriptedExecutor()
        try await Wove.withConfiguration(configuration(executor)) {
            async let result = weave(["value": 4]) {
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote").retries(2)
            }
            try await answer(executor, run: 0) { runID in
                .taskError(
                    runID: runID, taskID: "double",
                    error: RemoteError(kind: "Timeout", message: "flaky", retryable: true, source: .transport)
                )
            }
            try await answer(executor, run: 1) { .taskResult(runID: $0, taskID: "double", result: 8) }
            #expect(try await result.final(as: Int.self) == 8)
        }
        #expect(executor.runs.count == 2)
    }

    @Test("an error the worker marks not retryable fails at once, leaving retries unused")
    func notRetryableIsFinal() async throws {
        let executor = ScriptedExecutor()
        try await Wove.withConfiguration(configuration(executor)) {
            async let outcome = weave(["value": 4], options: .errorMode(.return)) {
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote").retries(3)
            }
            try await answer(executor, run: 0) { runID in
                .taskError(
                    runID: runID, taskID: "double",
                    error: RemoteError(kind: "UnknownTask", message: "no such task", source: .config))
            }
            let error = try #require(try await outcome.errors["double"] as? EnvironmentExecutionError)
            #expect(error.payload.kind == "UnknownTask")
        }
        #expect(executor.runs.count == 1)
    }

    @Test("a Wove worker marks a task body's error retryable and an unknown task not")
    func workerMarksRetryable() async throws {
        let worker = WoveWorker {
            Task("fails", after: "value") { (value: Int) throws -> Int in throw Boom(code: value) }
        }
        let harness = WorkerHarness(worker)
        harness.send(
            .runTask(runID: "a", taskID: "fails", weave: nil, args: ["value": 1], delivery: Delivery()))
        harness.send(.runTask(runID: "b", taskID: "missing", weave: nil, args: [:], delivery: Delivery()))
        async let serving: Void = harness.serve()
        try await harness.waitFor { frame in
            if case .taskError("b", _, _) = frame { return true }
            return false
        }
        try await harness.waitFor { frame in
            if case .taskError("a", _, _) = frame { return true }
            return false
        }
        harness.finish()
        await serving
        var retryable: [String: Bool] = [:]
        for case .taskError(let runID, _, let error) in harness.frames { retryable[runID] = error.retryable }
        #expect(retryable == ["a": true, "b": false])
    }
}
