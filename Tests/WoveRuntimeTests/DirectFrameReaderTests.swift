import Testing

@testable import WoveRuntime

@Suite("Frames of the usual shape read directly")
struct DirectFrameReaderTests {
    /// One frame of every type, with every field it may have set, and with none.
    static let frames: [WoveFrame] = [
        .runTask(
            runID: "tiny:0123456789abcdef0123456789abcdef", taskID: "tiny", weave: "Report",
            args: [
                "item": .integer(-7), "name": .string("é \"q\"\n"), "nested": .object(["a": .array([.null])]),
            ],
            delivery: Delivery(
                timeoutSeconds: 2.5, idempotencyKey: "key:1", cancelMode: .requireAck, heartbeatSeconds: 3,
                orphanPolicy: .requeue),
            trace: TraceContext(fields: ["traceparent": "00-abc-def-01"])),
        .runTask(runID: "r", taskID: "t", weave: nil, args: [:], delivery: Delivery(), trace: nil),
        .runTask(
            runID: "r", taskID: "t", weave: nil, args: ["x": .number(0.5)],
            delivery: Delivery(cancelMode: .bestEffort, orphanPolicy: .cancel)),
        .cancelTask(runID: "r", taskID: "t", cancelMode: .requireAck, orphanPolicy: .detach),
        .shutdown,
        .taskStarted(runID: "r", taskID: "t"),
        .taskResult(runID: "r", taskID: "t", result: .object(["a": .array([.integer(1), .bool(true)])])),
        .taskResult(runID: "r", taskID: "t", result: .string("")),
        .taskError(runID: "r", taskID: "t", error: RemoteError(kind: "K", message: "m", source: .task)),
        .taskCancelled(runID: "r", taskID: "t"),
        .heartbeat(runID: "r", taskID: "t"),
        .log(message: "a line\twith\u{1} control"),
    ]

    @Test("every frame as a worker or an executor writes it is read directly, as written", arguments: frames)
    func readsWrittenFrames(_ frame: WoveFrame) throws {
        var line = try FrameLine.encode(frame)
        line.removeLast()  // the newline
        #expect(DirectFrameReader.frame(in: line) == frame)
        #expect(try FrameLine.decode(line) == frame)
    }

    @Test(
        "what is read directly is what the general reading gives, nulls and whole numbers included",
        arguments: [
            #"{"type":"task_result","run_id":"r","task_id":"t","result":null}"#,
            #"{"type":"task_result","run_id":"r","task_id":"t"}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","weave":null,"args":null,"delivery":null,"trace":null}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_timeout":2,"delivery_heartbeat_seconds":1}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_timeout":-3,"delivery_heartbeat_seconds":1e3}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","args":{"a":{"b":[1,"é"]}},"trace":{"traceparent":1}}"#,
            #"{"type":"cancel_task","run_id":"r","task_id":"t","delivery_cancel_mode":null,"delivery_orphan_policy":"fail"}"#,
            #"{"type":"log","message":"m\u00e9\n"}"#,
            #"{"type":"task_error","run_id":"r","task_id":"t","error":"a plain string"}"#,
            #"{"type":"task_error","run_id":"r","task_id":"t","error":{"kind":"K","message":"m","retryable":true}}"#,
        ])
    func sameAsGeneral(_ text: String) throws {
        let line = Array(text.utf8)
        let direct = try #require(DirectFrameReader.frame(in: line), "read directly")
        #expect(direct == (try FrameEnvelope.parse(line).frame()))
    }

    @Test(
        "a frame of any other shape is left to the general reading, which gives what it always gave",
        arguments: [
            // Repeated fields, nulls, unknown fields and settings, pickles.
            #"{"type":"task_started","run_id":"first","task_id":"t","run_id":"last"}"#,
            #"{"type":"shutdown","type":"shutdown"}"#,
            #"{"type":"task_started","run_id":null,"task_id":"t"}"#,
            #"{"type":"task_error","run_id":"r","task_id":"t","error":null}"#,
            #"{"type":"log","message":null}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","weave":nul}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_timeout":1,"delivery_timeout":2}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_timeout":null}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_timeout":"soon"}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_max_in_flight":2}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","delivery":{"delivery_cancel_mode":"never"}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","callable_pickle":"x","args_pickle":"y"}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","result":1}"#,
            #"{"type":"task_started","run_id":"r","task_id":"t","extra":[1,{"a":2}]}"#,
            // Fields of the wrong type, missing fields, unknown types.
            #"{"type":"run_task","run_id":5,"task_id":"t"}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","args":[1]}"#,
            #"{"type":"task_error","run_id":"r","task_id":"t"}"#,
            #"{"type":"log"}"#,
            #"{"type":"explode"}"#,
            #"{"type":7}"#,
            #"{"run_id":"r"}"#,
            // Not JSON, or not an object.
            #"{"type":"shutdown"} trailing"#,
            #"{"type":"shutdown","type"}"#,
            #"[{"type":"shutdown"}]"#,
            "",
        ])
    func othersGoTheGeneralWay(_ text: String) {
        let line = Array(text.utf8)
        #expect(DirectFrameReader.frame(in: line) == nil)
        let general = Result { try FrameEnvelope.parse(line).frame() }
        let decoded = Result { try FrameLine.decode(line) }
        #expect("\(decoded)" == "\(general)")
    }

    @Test(
        "white space and escapes in keys and the type do not matter",
        arguments: [
            " {\n \"type\" : \"task_started\" ,\t\"run_id\":\"r\", \"task_id\" : \"t\" }\r\n",
            #"{"ty\u0070e":"task_started","run_id":"r","task_id":"t"}"#,
            #"{"type":"task_st\u0061rted","run_id":"r","task_id":"t"}"#,
        ])
    func whiteSpaceAndEscapes(_ text: String) throws {
        let line = Array(text.utf8)
        #expect(DirectFrameReader.frame(in: line) == .taskStarted(runID: "r", taskID: "t"))
        #expect(try FrameEnvelope.parse(line).frame() == .taskStarted(runID: "r", taskID: "t"))
    }
}
