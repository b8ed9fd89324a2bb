import Foundation
import WoveDSL

#if Tracing
    import InMemoryTracing
    import WoveTracing

    /// With `WOVE_TEST_TRACE_FILE` set, the worker traces each run with an in-memory tracer and
    /// appends every finished span to that file, one JSON object per line: `trace_id`, `span_id`,
    /// `parent_span_id` and `name`. The observability tests read it to see the worker's spans.
    enum TraceRecording {
        static var tracer: (any WeaveTracer)? {
            ProcessInfo.processInfo.environment["WOVE_TEST_TRACE_FILE"].map(RecordingTracer.init)
        }
    }

    /// Traces as `WeaveTracing` does, and writes each span down once it ends.
    struct RecordingTracer: WeaveTracer {
        let path: String
        let memory = InMemoryTracer(
            idGenerator: .init(
                nextTraceID: { UUID().uuidString }, nextSpanID: { UUID().uuidString }))

        private var tracing: WeaveTracing { WeaveTracing(tracer: memory) }

        func startWeaveSpan(_ started: WeaveEvent) -> any WeaveSpan {
            RecordedSpan(span: tracing.startWeaveSpan(started), recorder: self)
        }

        func startRemoteRunSpan(task: String, runID: String, context: TraceContext?) -> any WeaveSpan {
            RecordedSpan(
                span: tracing.startRemoteRunSpan(task: task, runID: runID, context: context), recorder: self)
        }

        /// Appends the spans that ended to the file.
        func write() {
            let lines = memory.popFinishedSpans().map { span in
                let fields = [
                    "trace_id": span.traceID, "span_id": span.spanID,
                    "parent_span_id": span.spanContext.parentSpanID ?? "", "name": span.operationName,
                ]
                let json =
                    (try? JSONSerialization.data(withJSONObject: fields, options: .sortedKeys)) ?? Data()
                return String(decoding: json, as: UTF8.self) + "\n"
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.seekToEndOfFile()
            handle.write(Data(lines.joined().utf8))
            try? handle.close()
        }
    }

    /// A span that has its tracer write it down when it ends.
    struct RecordedSpan: WeaveSpan {
        let span: any WeaveSpan
        let recorder: RecordingTracer

        func startAttemptSpan(_ started: WeaveEvent) -> any WeaveSpan {
            RecordedSpan(span: span.startAttemptSpan(started), recorder: recorder)
        }

        var context: TraceContext? { span.context }

        func withCurrent<T>(_ body: () throws -> T) rethrows -> T { try span.withCurrent(body) }

        func withCurrent<T>(_ body: () async throws -> T) async rethrows -> T {
            try await span.withCurrent { try await body() }
        }

        func end(error: (any Error)?) {
            span.end(error: error)
            recorder.write()
        }
    }
#else
    enum TraceRecording {
        static var tracer: (any WeaveTracer)? { nil }
    }
#endif
