import Foundation
import Testing

@testable import WoveDSL
@testable import WoveRuntime

/// A stdio worker carries each run of a synchronous body on one blocking thread, from decoding
/// its arguments to writing its answer. These check, through a real worker process, that those
/// runs answer exactly as runs on the task path do.
@Suite("stdio worker runs of synchronous bodies")
struct WorkerDirectRunTests {
    /// The worker's frames for `input`, grouped by run, in the order they were written; the
    /// worker must exit with status 0.
    private static func framesByRun(_ input: [String]) async throws -> [String: [WoveFrame]] {
        let (lines, status) = try await TestWorkerProcess.run(input: input, environment: ["WOVE_WORKER": "1"])
        #expect(status == 0)
        var byRun: [String: [WoveFrame]] = [:]
        for line in lines {
            let frame = try JSONDecoder().decode(WoveFrame.self, from: Data(line.utf8))
            let runID: String
            switch frame {
            case .taskStarted(let id, _), .taskResult(let id, _, _), .taskError(let id, _, _),
                .taskCancelled(let id, _), .heartbeat(let id, _):
                runID = id
            default:
                Issue.record("unexpected frame \(frame)")
                continue
            }
            byRun[runID, default: []].append(frame)
        }
        return byRun
    }

    /// A `run_task` line for `task`, with `args` as JSON.
    private static func runTask(_ runID: String, _ task: String, args: String) -> String {
        #"{"type":"run_task","run_id":"\#(runID)","task_id":"\#(task)","args":\#(args)}"#
    }

    @Test("each of many runs at once answers task_started, then its result")
    func manyRunsAnswerInOrder() async throws {
        let count = 300
        let byRun = try await Self.framesByRun(
            (0..<count).map { Self.runTask("d\($0)", "double", args: #"{"value":\#($0)}"#) })
        #expect(byRun.count == count)
        for index in 0..<count {
            #expect(
                byRun["d\(index)"]
                    == [
                        .taskStarted(runID: "d\(index)", taskID: "double"),
                        .taskResult(runID: "d\(index)", taskID: "double", result: .integer(index * 2)),
                    ])
        }
    }

    @Test("a body that throws answers a retryable task error after task_started")
    func throwingBody() async throws {
        let frames = try await Self.framesByRun([Self.runTask("f", "fail", args: #"{"code":7}"#)])["f"] ?? []
        try #require(frames.count == 2)
        #expect(frames[0] == .taskStarted(runID: "f", taskID: "fail"))
        guard case .taskError(_, _, let error) = frames[1] else {
            Issue.record("expected a task_error, got \(frames[1])")
            return
        }
        #expect(error.source == .task && error.retryable == true)
        #expect(error.message.contains("worker failure 7"), "\(error)")
    }

    @Test("arguments that do not decode answer a config error, and the run never starts")
    func undecodableArguments() async throws {
        let frames = try await Self.framesByRun([Self.runTask("u", "double", args: #"{"value":"seven"}"#)])[
            "u"]
        guard let frames, frames.count == 1, case .taskError(_, _, let error) = frames[0] else {
            Issue.record("expected one task_error, got \(String(describing: frames))")
            return
        }
        #expect(error.kind == "UndecodableArguments" && error.source == .config, "\(error)")
        #expect(error.message.contains("Task 'double' could not decode its arguments"), "\(error)")
    }

    @Test("shutdown still answers every synchronous run admitted before it")
    func shutdownWaitsForRunningBodies() async throws {
        let byRun = try await Self.framesByRun(
            (0..<3).map { Self.runTask("s\($0)", "slow", args: #"{"ms":200}"#) } + [#"{"type":"shutdown"}"#])
        for index in 0..<3 {
            #expect(
                byRun["s\(index)"]
                    == [
                        .taskStarted(runID: "s\(index)", taskID: "slow"),
                        .taskResult(runID: "s\(index)", taskID: "slow", result: .integer(200)),
                    ])
        }
    }

    @Test("a run that asks for heartbeats gets them while its synchronous body runs")
    func heartbeatsStillBeat() async throws {
        // Through the executor, which keeps the worker's stdin open while the run goes on: at the
        // end of its input a worker cancels its runs, and a cancelled run beats no more.
        let executor = try await StdioHarness.startedExecutor()
        try await executor.send(
            .runTask(
                runID: "h", taskID: "slow", weave: nil, args: ["ms": 700],
                delivery: Delivery(heartbeatSeconds: 0.2)))
        let frames = try await StdioHarness.receive(from: executor, until: 1) { $0.type == "task_result" }
        try await executor.stop()
        #expect(frames.first == .taskStarted(runID: "h", taskID: "slow"))
        #expect(frames.last == .taskResult(runID: "h", taskID: "slow", result: .integer(700)))
        // Every 0.1 s for 0.7 s: at least two, however slow the machine.
        #expect(frames.filter { $0 == .heartbeat(runID: "h", taskID: "slow") }.count >= 2, "\(frames)")
    }

    @Test("only a run of a synchronous body that beats no heartbeats is carried directly")
    func whichRunsAreDirect() async throws {
        let worker = WoveWorker {
            Task("sync_double", after: "value") { (value: Int) in value &* 2 }
            Task("async_double", after: "value") { (value: Int) async in value &* 2 }
        }
        let runs: [(String, String, Delivery)] = [
            ("direct", "sync_double", Delivery()),
            ("async", "async_double", Delivery()),
            ("beating", "sync_double", Delivery(heartbeatSeconds: 5)),
            ("invalid", "sync_double", Delivery(timeoutSeconds: -1)),
            ("unknown", "no_such_task", Delivery()),
        ]
        let inputs = WorkerInputQueue()
        for (runID, taskID, delivery) in runs {
            inputs.push(
                .frame(
                    .runTask(runID: runID, taskID: taskID, weave: nil, args: ["value": 4], delivery: delivery)
                ))
        }
        inputs.finish()
        let (direct, awaited) = (LockedValue<[WoveFrame]>([]), LockedValue<[WoveFrame]>([]))
        // In a configuration of its own: a tracer another test configures would take every run off
        // the direct path.
        try await Wove.withConfiguration(WoveConfiguration()) {
            await worker.serve(
                inputs: inputs, emit: { frame in awaited.withLock { $0.append(frame) } },
                emitNow: { frame in direct.withLock { $0.append(frame) } })
        }
        #expect(
            direct.withLock { $0 }
                == [
                    .taskStarted(runID: "direct", taskID: "sync_double"),
                    .taskResult(runID: "direct", taskID: "sync_double", result: .integer(8)),
                ])
        let awaitedRuns = Set(awaited.withLock { $0 }.compactMap { $0.runID })
        #expect(awaitedRuns == ["async", "beating", "invalid", "unknown"])
    }
}
