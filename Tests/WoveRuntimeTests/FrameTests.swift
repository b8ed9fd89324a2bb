import Foundation
import Testing
import WoveRuntime

@Suite("Frames")
struct FrameTests {
    private func json(_ frame: WoveFrame) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(frame), as: UTF8.self)
    }

    private func decode(_ text: String) throws -> WoveFrame {
        try JSONDecoder().decode(WoveFrame.self, from: Data(text.utf8))
    }

    @Test("run_task uses wove's field names, with only the delivery fields that are set")
    func runTask() throws {
        let frame = WoveFrame.runTask(
            runID: "report:0123", taskID: "report", weave: "StandardReport",
            args: ["order_id": .integer(42), "tags": .array([.string("vip")])],
            delivery: Delivery(timeoutSeconds: 7.5, idempotencyKey: "report:42", cancelMode: .requireAck))
        #expect(
            try json(frame)
                == #"{"args":{"order_id":42,"tags":["vip"]},"delivery":{"delivery_cancel_mode":"require_ack","#
                + #""delivery_idempotency_key":"report:42","delivery_timeout":7.5},"run_id":"report:0123","#
                + #""task_id":"report","type":"run_task","weave":"StandardReport"}"#)
        #expect(try decode(try json(frame)) == frame)
    }

    @Test(
        "run_task carries the caller's trace context in an optional trace field; one out of bounds is dropped"
    )
    func runTaskTrace() throws {
        let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let trace = try #require(TraceContext(fields: ["traceparent": traceparent, "tracestate": "wove=1"]))
        let frame = WoveFrame.runTask(
            runID: "r", taskID: "t", weave: nil, args: [:], delivery: Delivery(), trace: trace)
        #expect(
            try json(frame)
                == #"{"args":{},"delivery":{},"run_id":"r","task_id":"t","trace":{"traceparent":"\#(traceparent)","#
                + #""tracestate":"wove=1"},"type":"run_task"}"#)
        #expect(try decode(try json(frame)) == frame)
        #expect(trace.traceparent == traceparent && trace.tracestate == "wove=1")
        let base = #"{"type":"run_task","run_id":"r","task_id":"t","args":{},"trace":"#
        let untraced = WoveFrame.runTask(runID: "r", taskID: "t", weave: nil, args: [:], delivery: Delivery())
        let tooMany =
            "{" + (0...TraceContext.maxFields).map { #""k\#($0)":"v""# }.joined(separator: ",") + "}"
        let longValue =
            #"{"traceparent":""# + String(repeating: "a", count: TraceContext.maxValueLength + 1) + #""}"#
        for bad in [#""text""#, #"{"traceparent":1}"#, #"{"":"v"}"#, tooMany, longValue] {
            #expect(try decode(base + bad + "}") == untraced, "dropped: \(bad.prefix(40))")
        }
        #expect(
            TraceContext(fields: ["k": String(repeating: "a", count: TraceContext.maxValueLength)]) != nil)
    }

    @Test("cancel_task and shutdown")
    func commands() throws {
        let cancel = WoveFrame.cancelTask(
            runID: "r1", taskID: "t", cancelMode: .bestEffort, orphanPolicy: .requeue)
        #expect(
            try json(cancel)
                == #"{"delivery_cancel_mode":"best_effort","delivery_orphan_policy":"requeue","run_id":"r1","#
                + #""task_id":"t","type":"cancel_task"}"#)
        #expect(try json(.shutdown) == #"{"type":"shutdown"}"#)
        #expect(try decode(#"{"type":"shutdown"}"#) == .shutdown)
    }

    @Test("events: started, result, error with its normalized payload, cancelled, heartbeat, log")
    func events() throws {
        let error = RemoteError(
            kind: "ValueError", message: "bad input", traceback: "line 3", retryable: true, source: .task)
        let frames: [(WoveFrame, String)] = [
            (.taskStarted(runID: "r", taskID: "t"), #"{"run_id":"r","task_id":"t","type":"task_started"}"#),
            (
                .taskResult(runID: "r", taskID: "t", result: .object(["score": .number(0.5)])),
                #"{"result":{"score":0.5},"run_id":"r","task_id":"t","type":"task_result"}"#
            ),
            (
                .taskError(runID: "r", taskID: "t", error: error),
                #"{"error":{"kind":"ValueError","message":"bad input","retryable":true,"source":"task","#
                    + #""traceback":"line 3"},"run_id":"r","task_id":"t","type":"task_error"}"#
            ),
            (
                .taskCancelled(runID: "r", taskID: "t"),
                #"{"run_id":"r","task_id":"t","type":"task_cancelled"}"#
            ),
            (.heartbeat(runID: "r", taskID: "t"), #"{"run_id":"r","task_id":"t","type":"heartbeat"}"#),
            (.log(message: "hello"), #"{"message":"hello","type":"log"}"#),
        ]
        for (frame, expected) in frames {
            #expect(try json(frame) == expected)
            #expect(try decode(expected) == frame)
            let object = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: Any]
            #expect(object?["type"] as? String == frame.type)
        }
    }

    @Test("a frame from another language may leave out optional fields")
    func lenientDecoding() throws {
        let frame = try decode(#"{"type":"run_task","run_id":"r","task_id":"t"}"#)
        #expect(frame == .runTask(runID: "r", taskID: "t", weave: nil, args: [:], delivery: Delivery()))
        #expect(frame.runID == "r")
        let result = try decode(#"{"type":"task_result","run_id":"r","task_id":"t"}"#)
        #expect(result == .taskResult(runID: "r", taskID: "t", result: .null))
    }

    @Test("an unknown type or a missing field is a decoding error naming it")
    func malformed() throws {
        let unknown = try #require(throws: DecodingError.self) { try decode(#"{"type":"explode"}"#) }
        #expect("\(unknown)".contains("Unknown frame type 'explode'"))
        #expect(throws: DecodingError.self) { try decode(#"{"type":"task_started","task_id":"t"}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"run_id":"r"}"#) }
        #expect(throws: DecodingError.self) { try decode("not json") }
    }

    @Test("Codable values become JSON and come back, whole numbers staying whole")
    func jsonValues() throws {
        struct Order: Codable, Equatable {
            let id: Int
            let total: Double
            let items: [String]
            let note: String?
        }
        let order = Order(id: 5, total: 12.5, items: ["a", "b"], note: nil)
        let value = try JSONValue(encoding: order)
        #expect(
            value
                == .object([
                    "id": .integer(5), "total": .number(12.5), "items": .array([.string("a"), .string("b")]),
                ]))
        #expect(try value.decode(as: Order.self) == order)
        #expect(try JSONValue(encoding: true) == .bool(true))
        #expect(throws: DecodingError.self) { try JSONValue.string("x").decode(as: Int.self) }
    }

    @Test("a Swift error becomes a task-sourced payload with its type and message")
    func remoteErrorFromSwiftError() {
        struct NotFound: Error, CustomStringConvertible {
            var description: String { "no such order" }
        }
        let payload = RemoteError(NotFound())
        #expect(payload.kind.hasSuffix("NotFound"))
        #expect(payload.message == "no such order")
        #expect(payload.source == .task && payload.retryable == false)
    }

    @Test("dispatch errors describe the task, the environment and the limit")
    func errorDescriptions() {
        let timeout = DeliveryTimeoutError(
            taskName: "report", environment: "remote", seconds: 0.5, limit: .delivery)
        #expect(
            timeout.description
                == "Delivery timeout exceeded for task 'report' in environment 'remote' (0.5s).")
        let heartbeat = DeliveryTimeoutError(
            taskName: "report", environment: "remote", seconds: 2, limit: .heartbeat)
        #expect(heartbeat.description.contains("after 2.0s without heartbeat"))
        let orphaned = DeliveryOrphanedError(
            taskName: "t", environment: "e", policy: .requeue, cause: "shutdown")
        #expect(orphaned.description.contains("policy 'requeue'"))
        let missing = MissingDispatchFeatureError(reason: "Task 'x' is routed to 'remote'.", trait: "GRPC")
        #expect(missing.description.contains(#"traits: ["GRPC"]"#))
        let remote = EnvironmentExecutionError(
            payload: RemoteError(kind: "KeyError", message: "k", source: .config), taskName: "t",
            environment: "w")
        #expect(remote.description.contains("KeyError") && remote.description.contains("source: config"))
    }

    @Test("an error payload keeps a source it does not know, and fills in fields a peer left out")
    func lenientRemoteError() throws {
        let error = try JSONDecoder().decode(
            RemoteError.self, from: Data(#"{"message":"m","source":"gpu"}"#.utf8))
        #expect(error.source.rawValue == "gpu" && error.source != .task)
        #expect(error.kind == "ExecutionError" && error.retryable == false)
        let encoded = try JSONEncoder().encode(error)
        #expect(try JSONDecoder().decode(RemoteError.self, from: encoded) == error)
        let text = try JSONDecoder().decode(RemoteError.self, from: Data(#""disk full""#.utf8))
        #expect(text.message == "disk full" && text.source == .executor)
    }

    @Test("the direct frame writer writes what the JSON tree writer writes, for every frame type")
    func directWriter() throws {
        let error = RemoteError(
            kind: "Quote\"Error", message: "line\nbreak \u{1} tab\t", traceback: nil, retryable: false,
            source: .config)
        let frames: [WoveFrame] = [
            .runTask(
                runID: "r:1", taskID: "t", weave: nil, args: [:], delivery: Delivery()),
            .runTask(
                runID: "r:2", taskID: "t/é", weave: "W",
                args: [
                    "b": .array([.null, .bool(true), .number(-0.25)]), "a": .object(["z": .integer(-7)]),
                ],
                delivery: Delivery(
                    timeoutSeconds: 3, idempotencyKey: "k\\1", cancelMode: .requireAck, heartbeatSeconds: 0.5,
                    orphanPolicy: .detach),
                trace: TraceContext(fields: ["traceparent": "00-ab-cd-01", "tracestate": "x=\"y\""])),
            .cancelTask(runID: "r", taskID: "t", cancelMode: .requireAck, orphanPolicy: .fail),
            .shutdown,
            .taskStarted(runID: "r", taskID: "t"),
            .taskResult(runID: "r", taskID: "t", result: .string("\"quoted\"")),
            .taskError(runID: "r", taskID: "t", error: error),
            .taskCancelled(runID: "r", taskID: "t"),
            .heartbeat(runID: "r", taskID: "t"),
            .log(message: "a\rb"),
        ]
        for frame in frames {
            let written = try FrameLine.encode(frame)
            #expect(written.last == UInt8(ascii: "\n"))
            #expect(Array(written.dropLast()) == (try frame.json.serialized()), "\(frame)")
            #expect(try FrameLine.decode(Array(written.dropLast())) == frame)
        }
    }

    @Test("a result JSON cannot hold is sent as the run's task_error, so the run still ends")
    func unwritableResult() throws {
        let frame = WoveFrame.taskResult(runID: "r", taskID: "t", result: .array([.number(.infinity)]))
        #expect(throws: (any Error).self) { try frame.serialized() }
        let sent = try FrameEnvelope.parse(try frame.serializedEvent()).frame()
        guard case .taskError("r", "t", let error) = sent else {
            Issue.record("expected a task_error, got \(sent)")
            return
        }
        #expect(error.kind == "UnencodableResult" && error.source == .task, "\(error)")
        let started = WoveFrame.taskStarted(runID: "r", taskID: "t")
        #expect(try started.serializedEvent() == (try started.serialized()))
    }

    @Test("run ids are the task id and 32 lowercase hex digits, and never repeat")
    func runIdentifiers() {
        let ids = (0..<10_000).map { _ in RunIdentifier.make(taskID: "report") }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(100) {
            let digits = id.dropFirst("report:".count)
            #expect(id.hasPrefix("report:") && digits.count == 32, "\(id)")
            #expect(digits.allSatisfy { "0123456789abcdef".contains($0) }, "\(id)")
        }
        // Any task name, however long and in whatever script, leads its ids unchanged.
        for name in ["", "é", "rapport_mensuel_détaillé_pour_la_direction_générale", "任务"] {
            let id = RunIdentifier.make(taskID: name)
            #expect(id.hasPrefix(name + ":") && id.utf8.count == name.utf8.count + 33, "\(id)")
        }
    }
}
