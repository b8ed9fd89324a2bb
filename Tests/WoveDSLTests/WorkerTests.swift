import Foundation
import Testing
import WoveDSL
import WoveRuntime

struct Account: Codable, Sendable, Equatable {
    let id: Int
    let plan: String
}

struct NotCodable: Sendable {}

@Suite("WoveWorker")
struct WorkerTests {
    private func makeWorker() -> WoveWorker {
        WoveWorker {
            Task("render", after: "account", "copies") { (account: Account, copies: Int) in
                "\(account.plan) ×\(copies)"
            }
            Task("slow", after: "seconds") { (seconds: Double) async throws -> Int in
                try await Task.sleep(for: .seconds(seconds))
                return 1
            }
            Task("fails", after: "code") { (code: Int) throws -> Int in throw Boom(code: code) }
            Task("opaque") { NotCodable() }
        }
    }

    @Test("a run_task frame runs the named task with decoded arguments and answers with events")
    func runsTask() async throws {
        let harness = WorkerHarness(makeWorker())
        harness.send(
            .runTask(
                runID: "render:1", taskID: "render", weave: nil,
                args: [
                    "account": .object(["id": .integer(5), "plan": .string("pro")]), "copies": .integer(2),
                ],
                delivery: Delivery()))
        harness.finish()
        await harness.serve()
        #expect(
            harness.frames == [
                .taskStarted(runID: "render:1", taskID: "render"),
                .taskResult(runID: "render:1", taskID: "render", result: .string("pro ×2")),
            ])
    }

    @Test("an unknown task, undecodable arguments or a non-Codable task answer task_error with source config")
    func configErrors() async throws {
        let harness = WorkerHarness(makeWorker())
        harness.send(.runTask(runID: "a", taskID: "rendr", weave: nil, args: [:], delivery: Delivery()))
        harness.send(
            .runTask(
                runID: "b", taskID: "render", weave: nil, args: ["account": .string("x")],
                delivery: Delivery()))
        harness.send(.runTask(runID: "c", taskID: "opaque", weave: nil, args: [:], delivery: Delivery()))
        harness.finish()
        await harness.serve()
        let errors = harness.frames.compactMap { frame -> (String, RemoteError)? in
            if case .taskError(let runID, _, let error) = frame { return (runID, error) }
            return nil
        }
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0.1.source == .config })
        let unknown = try #require(errors.first { $0.0 == "a" }?.1)
        #expect(unknown.message.contains("no task 'rendr'") && unknown.message.contains("render"))
        #expect(errors.first { $0.0 == "b" }?.1.kind == "UndecodableArguments")
        #expect(errors.first { $0.0 == "c" }?.1.kind == "NotDispatchable")
        #expect(!harness.frames.contains { if case .taskStarted = $0 { true } else { false } })
    }

    @Test("a throwing body answers task_error with source task, its type and message")
    func taskError() async throws {
        let harness = WorkerHarness(makeWorker())
        harness.send(
            .runTask(
                runID: "f", taskID: "fails", weave: nil, args: ["code": .integer(7)], delivery: Delivery()))
        harness.finish()
        await harness.serve()
        guard case .taskError(_, _, let error) = harness.frames.last else {
            Issue.record("expected a task_error, got \(harness.frames)")
            return
        }
        #expect(error.source == .task)
        #expect(error.kind.hasSuffix("Boom"))
        #expect(error.message.contains("7"))
    }

    @Test("runs proceed concurrently, and cancel_task cancels one")
    func concurrencyAndCancel() async throws {
        let harness = WorkerHarness(makeWorker())
        let serving = Task { await harness.serve() }
        let clock = ContinuousClock()
        let start = clock.now
        harness.send(
            .runTask(
                runID: "s1", taskID: "slow", weave: nil, args: ["seconds": .number(0.2)], delivery: Delivery()
            ))
        harness.send(
            .runTask(
                runID: "s2", taskID: "slow", weave: nil, args: ["seconds": .number(0.2)], delivery: Delivery()
            ))
        harness.send(
            .runTask(
                runID: "s3", taskID: "slow", weave: nil, args: ["seconds": .integer(30)], delivery: Delivery()
            ))
        try await harness.waitFor { $0 == .taskStarted(runID: "s3", taskID: "slow") }
        harness.send(.cancelTask(runID: "s3", taskID: "slow", cancelMode: .requireAck, orphanPolicy: .cancel))
        try await harness.waitFor { $0 == .taskCancelled(runID: "s3", taskID: "slow") }
        try await harness.waitFor { $0 == .taskResult(runID: "s2", taskID: "slow", result: .integer(1)) }
        try await harness.waitFor { $0 == .taskResult(runID: "s1", taskID: "slow", result: .integer(1)) }
        #expect(clock.now - start < .seconds(5))
        harness.finish()
        await serving.value
    }

    @Test("a cancel_task right behind its run_task cancels the run, even before its task starts")
    func cancelRightAfterRun() async throws {
        let harness = WorkerHarness(makeWorker())
        // Both frames are queued before serving starts, so the cancellation is read before the
        // run's task has had a chance to start.
        harness.send(
            .runTask(
                runID: "early", taskID: "slow", weave: nil, args: ["seconds": .integer(30)],
                delivery: Delivery()))
        harness.send(
            .cancelTask(runID: "early", taskID: "slow", cancelMode: .requireAck, orphanPolicy: .cancel))
        let serving = Task { await harness.serve() }
        let clock = ContinuousClock()
        let start = clock.now
        try await harness.waitFor { $0 == .taskCancelled(runID: "early", taskID: "slow") }
        #expect(clock.now - start < .seconds(10), "the 30-second body did not run to its end")
        harness.finish()
        await serving.value
    }

    @Test("shutdown cancels what still runs and ends serving")
    func shutdown() async throws {
        let harness = WorkerHarness(makeWorker())
        let serving = Task { await harness.serve() }
        harness.send(
            .runTask(
                runID: "long", taskID: "slow", weave: nil, args: ["seconds": .integer(30)],
                delivery: Delivery()))
        try await harness.waitFor { $0 == .taskStarted(runID: "long", taskID: "slow") }
        harness.send(.shutdown)
        await serving.value
        #expect(harness.frames.last == .taskCancelled(runID: "long", taskID: "slow"))
    }

    @Test("an event frame sent to a worker is answered with a log frame, not a crash")
    func unexpectedFrame() async throws {
        let harness = WorkerHarness(makeWorker())
        harness.send(.heartbeat(runID: "x", taskID: "y"))
        harness.finish()
        await harness.serve()
        #expect(harness.frames == [.log(message: "Unexpected frame type 'heartbeat' sent to a worker.")])
        #expect(harness.worker.taskNames == ["fails", "opaque", "render", "slow"])
    }
}

@Suite("WoveWorker input checks")
struct WorkerInputTests {
    @Test("a run_task with an out-of-range delivery number gets a config task_error, and serving goes on")
    func hostileDeliveryNumbers() async throws {
        let harness = WorkerHarness(
            WoveWorker { Task("double", after: "value") { (value: Int) in value * 2 } })
        async let serving: Void = harness.serve()
        let hostile: [Double] = [1e300, -1, 0, .infinity, .nan]
        for (index, seconds) in hostile.enumerated() {
            harness.send(
                .runTask(
                    runID: "heartbeat-\(index)", taskID: "double", weave: nil, args: ["value": 1],
                    delivery: Delivery(heartbeatSeconds: seconds)))
            harness.send(
                .runTask(
                    runID: "timeout-\(index)", taskID: "double", weave: nil, args: ["value": 1],
                    delivery: Delivery(timeoutSeconds: seconds)))
        }
        harness.send(
            .runTask(runID: "fine", taskID: "double", weave: nil, args: ["value": 21], delivery: Delivery()))
        try await harness.waitFor { frame in
            if case .taskResult("fine", _, _) = frame { return true }
            return false
        }
        try await harness.waitFor { _ in
            harness.frames.count { if case .taskError = $0 { true } else { false } } == hostile.count * 2
        }
        harness.finish()
        await serving
        for case .taskError(let runID, _, let error) in harness.frames {
            #expect(error.source == .config, "\(runID)")
            #expect(error.kind == "InvalidDelivery")
            let field = runID.hasPrefix("heartbeat") ? "delivery_heartbeat_seconds" : "delivery_timeout"
            #expect(error.message.contains(field), "\(error.message)")
        }
        #expect(harness.frames.contains(.taskResult(runID: "fine", taskID: "double", result: 42)))
    }
}
