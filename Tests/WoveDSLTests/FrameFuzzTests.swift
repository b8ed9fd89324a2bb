import Foundation
import Testing
import WoveDSL

@testable import WoveRuntime

/// Seeded fuzzing of both ends of the frame protocol, with real processes: whatever a peer
/// sends, the receiving process survives and answers every line.
@Suite("Frame fuzzing", .serialized)
struct FrameFuzzTests {
    static let seed: UInt64 = 0x5EED_F0F0

    @Test("a worker answers every hostile line: a log frame for each unreadable one, an outcome for each run")
    func workerSurvivesHostileFrames() async throws {
        var generator = SeededGenerator(seed: Self.seed)
        let lines = HostileFrames.lines(
            count: 600,
            templates: [
                (
                    #"{"type":"run_task","run_id":"%RUN%","task_id":"double","args":{"value":7},"delivery":"#
                        + #"{"delivery_heartbeat_seconds":5,"delivery_timeout":9}}"#,
                    [
                        "value", "args", "delivery_heartbeat_seconds", "delivery_timeout", "task_id",
                        "run_id", "type",
                    ]
                ),
                (
                    #"{"type":"run_task","run_id":"%RUN%","task_id":"slow","args":{"ms":1},"weave":"W"}"#,
                    ["ms", "weave", "args", "run_id"]
                ),
                (#"{"type":"cancel_task","run_id":"%RUN%","task_id":"double"}"#, ["run_id", "type"]),
            ],
            using: &generator)
        var unreadable = 0
        var runs: [String: Int] = [:]
        for line in lines {
            switch try? FrameLine.decode(line) {
            case .runTask(let runID, _, _, _, _, _)?: runs[runID, default: 0] += 1
            case .cancelTask?: break
            case nil: unreadable += 1
            case .some(let other): Issue.record("the generator made an unexpected frame: \(other)")
            }
        }
        #expect(unreadable > 100 && runs.count > 100, "the mix has both kinds")
        let (output, status) = try await TestWorkerProcess.run(
            bytes: lines, environment: ["WOVE_WORKER": "1"])
        #expect(status == 0, "the worker survived and exited normally")
        var logs = 0
        var outcomes: [String: Int] = [:]
        for text in output {
            let frame = try FrameLine.decode(Array(text.utf8))
            switch frame {
            case .log: logs += 1
            case .taskResult(let runID, _, _), .taskError(let runID, _, _), .taskCancelled(let runID, _):
                outcomes[runID, default: 0] += 1
            default: break
            }
        }
        #expect(logs == unreadable)
        #expect(outcomes == runs)
    }

    @Test("the host turns every hostile line from a worker into a frame or a log frame, and goes on")
    func hostSurvivesHostileFrames() async throws {
        var generator = SeededGenerator(seed: Self.seed &+ 1)
        let lines = HostileFrames.lines(
            count: 600,
            templates: [
                (
                    #"{"type":"task_result","run_id":"%RUN%","task_id":"double","result":{"v":[1,2]}}"#,
                    ["result", "v", "run_id", "task_id", "type"]
                ),
                (
                    #"{"type":"task_error","run_id":"%RUN%","task_id":"double","error":{"kind":"K","#
                        + #""message":"m","retryable":false,"source":"task"}}"#,
                    ["error", "kind", "message", "retryable", "source", "run_id"]
                ),
                (#"{"type":"heartbeat","run_id":"%RUN%","task_id":"double"}"#, ["run_id", "type"]),
                (#"{"type":"log","message":"hello"}"#, ["message", "type"]),
            ],
            using: &generator)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wove-fuzz-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(lines.flatMap { $0 + [UInt8(ascii: "\n")] }).write(to: file)
        let executor = try await StdioHarness.startedExecutor(
            command: ["/bin/sh", "-c", .string("cat '\(file.path)'; exec sleep 30")])
        let frames = try await StdioHarness.receive(from: executor, until: lines.count) { _ in true }
        try await executor.stop()
        var expected: [String] = []
        for line in lines {
            if let frame = try? FrameLine.decode(line) {
                expected.append(frame.type)
            } else {
                expected.append("log")
            }
        }
        #expect(frames.map(\.type) == expected)
    }

    @Test("a hostile line read directly gives what the general reading gives; any other is left to it")
    func directReadingMatchesGeneral() {
        var generator = SeededGenerator(seed: Self.seed &+ 2)
        let lines = HostileFrames.lines(
            count: 3_000,
            templates: [
                (
                    #"{"type":"run_task","run_id":"%RUN%","task_id":"double","weave":"W","args":{"value":7},"#
                        + #""delivery":{"delivery_heartbeat_seconds":5,"delivery_timeout":9.5,"#
                        + #""delivery_idempotency_key":"k","delivery_cancel_mode":"require_ack","#
                        + #""delivery_orphan_policy":"requeue"},"trace":{"traceparent":"00-a-b-01"}}"#,
                    [
                        "value", "args", "weave", "delivery", "delivery_heartbeat_seconds",
                        "delivery_timeout",
                        "delivery_idempotency_key", "delivery_cancel_mode", "delivery_orphan_policy", "trace",
                        "traceparent", "task_id", "run_id", "type",
                    ]
                ),
                (
                    #"{"type":"cancel_task","run_id":"%RUN%","task_id":"double","delivery_cancel_mode":"best_effort","#
                        + #""delivery_orphan_policy":"detach"}"#,
                    ["run_id", "task_id", "type", "delivery_cancel_mode", "delivery_orphan_policy"]
                ),
                (
                    #"{"type":"task_result","run_id":"%RUN%","task_id":"double","result":{"v":[1,2]}}"#,
                    ["result", "v", "run_id", "task_id", "type"]
                ),
                (
                    #"{"type":"task_error","run_id":"%RUN%","task_id":"double","error":{"kind":"K","#
                        + #""message":"m","retryable":false,"source":"task"}}"#,
                    ["error", "kind", "message", "retryable", "source", "run_id"]
                ),
                (
                    #"{"type":"task_started","run_id":"%RUN%","task_id":"double"}"#,
                    ["run_id", "task_id", "type"]
                ),
                (#"{"type":"log","message":"hello"}"#, ["message", "type"]),
                (#"{"type":"shutdown"}"#, ["type"]),
            ],
            using: &generator)
        var direct = 0
        for line in lines {
            guard let frame = DirectFrameReader.frame(in: line) else { continue }
            direct += 1
            let general = Result { try FrameEnvelope.parse(line).frame() }
            #expect(
                "\(general)" == "\(Result<WoveFrame, any Error>.success(frame))", "\(FrameLine.excerpt(line))"
            )
        }
        // The fuzzing leaves about a fifth of the lines valid and mutates others into other
        // frames of the usual shape: both paths were compared on many lines.
        #expect(direct > 500, "only \(direct) lines were read directly")
    }
}
