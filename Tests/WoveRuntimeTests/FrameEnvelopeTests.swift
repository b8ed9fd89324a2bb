import Testing
import WoveRuntime

@Suite("Frames read field by field")
struct FrameEnvelopeTests {
    /// What the JSON tree gives for `text`: the frame, or the error's description.
    private func throughTree(_ text: String) -> String {
        do {
            return "\(try WoveFrame(json: JSONValue(parsing: Array(text.utf8))))"
        } catch {
            return "error: \(error)"
        }
    }

    private func fieldByField(_ text: String) -> String {
        do {
            return "\(try FrameEnvelope.parse(Array(text.utf8)).frame())"
        } catch {
            return "error: \(error)"
        }
    }

    @Test(
        "every text gives the frame, or the error, that the JSON tree gives",
        arguments: [
            #"{"type":"task_result","run_id":"r","task_id":"t","result":{"a":[1,2.5,null]}}"#,
            #" { "type" : "task_started" , "run_id" : "r" , "task_id" : "t" } "#,
            #"{"type":"run_task","run_id":"r","task_id":"t","args":{"x":1},"delivery":{"delivery_timeout":2}}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","weave":null,"args":null,"delivery":null}"#,
            #"{"type":"task_started","run_id":"first","task_id":"t","run_id":"last"}"#,
            #"{"type":"task_started","run_id":"r","task_id":"t","run_id":null}"#,
            #"{"ty\u0070e":"task_started","r\u00e9n":1,"run_id":"r","task_id":"t"}"#,
            #"{"type":"log","message":"é\n","extra":{"deep":[{"er":[]}]},"é":true}"#,
            #"{"type":"cancel_task","run_id":"r","task_id":"t","delivery_cancel_mode":"require_ack"}"#,
            #"{"type":"cancel_task","run_id":"r","task_id":"t","delivery_cancel_mode":"sometimes"}"#,
            #"{"type":"task_error","run_id":"r","task_id":"t","error":{"kind":"K","message":"m"}}"#,
            #"{"type":"task_error","run_id":"r","task_id":"t"}"#,
            #"{"type":"run_task","run_id":5,"task_id":"t"}"#,
            #"{"type":"run_task","run_id":"r","task_id":"t","args":[1]}"#,
            #"{"type":"explode"}"#,
            #"{"run_id":"r"}"#,
            #"{}"#,
            #"[{"type":"shutdown"}]"#,
            #""shutdown""#,
            #"{"type":"shutdown"} trailing"#,
            #"{"type":"shutdown","type"}"#,
            #"{"type":"shutdown",}"#,
            #"{"type":"shutdown""#,
            #"{"\u12"#,
            "{\"ty\u{1}pe\":1}",
            "",
        ])
    func sameAsTree(_ text: String) {
        #expect(fieldByField(text) == throughTree(text))
    }

    @Test("invalid UTF-8 in a key or a value is refused as the JSON tree refuses it")
    func invalidUTF8() {
        for bytes: [UInt8] in [
            Array(#"{"type":"shutdown",""#.utf8) + [0xFF] + Array(#"":1}"#.utf8),
            Array(#"{"type":"log","message":""#.utf8) + [0xC3] + Array(#""}"#.utf8),
        ] {
            let tree = Result { try JSONValue(parsing: bytes) }
            let fields = Result { try FrameEnvelope.parse(bytes) }
            guard case .failure(let treeError) = tree, case .failure(let fieldsError) = fields else {
                Issue.record("both should fail: \(tree), \(fields)")
                continue
            }
            #expect("\(fieldsError)" == "\(treeError)")
        }
    }

    @Test("keys ending in _pickle are found, escaped or repeated, and sorted")
    func pickles() throws {
        let pickled = try FrameEnvelope.parse(
            Array(
                #"{"type":"run_task","run_id":"r","task_id":"t","callable_pickle":"x","args\u005fpickle":"y","args_pickle":"z"}"#
                    .utf8))
        #expect(pickled.pickles == ["args_pickle", "callable_pickle"])
        #expect(pickled.string("run_id") == "r" && pickled.string("type") == "run_task")
        let plain = try FrameEnvelope.parse(Array(#"{"type":"run_task","pickle":1,"_pickles":2}"#.utf8))
        #expect(plain.pickles.isEmpty)
        #expect(plain.string("run_id") == nil)
    }

    @Test("an answer is read as a list, one event, or an events list, as its shape says")
    func eventsShapes() throws {
        func shape(_ text: String) throws -> String {
            switch try EventsMessage.parse(Array(text.utf8)) {
            case .list(let events): "list \(try events.map { try $0.frame() })"
            case .single(let event): "single \(event.json)"
            case .wrapped(let events?): "wrapped \(try events.map { try $0.frame() })"
            case .wrapped(nil): "wrapped without a list"
            case .other: "other"
            }
        }
        let started = #"{"type":"task_started","run_id":"r","task_id":"t"}"#
        let cancelled = #"{"type":"task_cancelled","run_id":"r","task_id":"t"}"#
        let frames =
            "\([WoveFrame.taskStarted(runID: "r", taskID: "t"), .taskCancelled(runID: "r", taskID: "t")])"
        #expect(try shape("[\(started),\(cancelled)]") == "list \(frames)")
        #expect(try shape(#"{"events":[\#(started),\#(cancelled)],"other":1}"#) == "wrapped \(frames)")
        #expect(try shape(#"{"events":[],"events":[\#(started),\#(cancelled)]}"#) == "wrapped \(frames)")
        #expect(try shape(#"{"events":[\#(started)],"events":3}"#) == "wrapped without a list")
        #expect(try shape(#"{"events":{}}"#) == "wrapped without a list")
        #expect(try shape(#"{"other":1}"#) == "wrapped without a list")
        // A `type`, even null, makes the object one event; its `events` list is one more field.
        #expect(
            try shape(#"{"events":[{"a":1}],"type":null}"#)
                == "single \(JSONValue.object(["events": .array([.object(["a": .integer(1)])]), "type": .null]))"
        )
        #expect(try shape("12") == "other")
        #expect(throws: DecodingError.self) { try EventsMessage.parse(Array(#"{"events":[1,]}"#.utf8)) }
    }
}
