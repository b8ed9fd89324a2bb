#if Tracing
    import Foundation
    import InMemoryTracing
    import Tracing
    import Testing
    import WoveTracing

    @Suite("swift-distributed-tracing spans of a weave")
    struct TracingTests {
        @Test("a span per weave, under the caller's span, and a child span per attempt, item and remote run")
        func callerSpans() async throws {
            let tracer = InMemoryTracer()
            try await tracer.withSpan("request") { _ in
                _ = try await ObservedWeave.run(.tracing(tracer))
            }
            let spans = tracer.finishedSpans
            let request = try #require(spans.first { $0.operationName == "request" })
            let weave = try #require(spans.first { $0.operationName == "weave \(ObservedWeave.name)" })
            #expect(weave.spanContext.parentSpanID == request.spanID && weave.traceID == request.traceID)
            let attempts = spans.filter { $0.spanContext.parentSpanID == weave.spanID }
            #expect(
                attempts.map(\.operationName).sorted() == [
                    "bad", "double", "doubled_ids", "doubled_ids", "doubled_ids", "flaky", "flaky",
                ])
            let flaky = attempts.filter { $0.operationName == "flaky" }.sorted {
                attribute($0, "wove.attempt") ?? "" < attribute($1, "wove.attempt") ?? ""
            }
            #expect(flaky.map { attribute($0, "wove.attempt") } == ["1", "2"])
            #expect(
                flaky.first?.status?.code == .error && flaky.first?.errors.count == 1,
                "the failed first attempt")
            #expect(flaky.last?.status == nil, "the retry succeeded")
            #expect(attempts.first { $0.operationName == "bad" }?.status?.code == .error)
            let double = try #require(attempts.first { $0.operationName == "double" })
            #expect(double.kind == .client && attribute(double, "wove.environment") == "remote")
            let items = attempts.filter { $0.operationName == "doubled_ids" }
            #expect(Set(items.compactMap { attribute($0, "wove.item") }) == ["0", "1", "2"])
            #expect(
                attribute(weave, "wove.weave") == ObservedWeave.name
                    && attribute(weave, "wove.task_count") == "5")
        }

        /// A string or integer attribute of `span`, as text.
        private func attribute(_ span: FinishedInMemorySpan, _ key: String) -> String? {
            switch span.attributes[key]?.toSpanAttribute() {
            case .string(let value)?: value
            case .int64(let value)?: "\(value)"
            case .int32(let value)?: "\(value)"
            default: nil
            }
        }

        @Test("spans a task's body starts, async or synchronous, are children of its attempt span")
        func bodySpans() async throws {
            let tracer = InMemoryTracer()
            _ = try await weave(options: .tracing(tracer)) {
                Task("async_body") { () async -> Int in tracer.withSpan("inside_async") { _ in 1 } }
                Task("sync_body") { () -> Int in tracer.withSpan("inside_sync") { _ in 2 } }
            }
            let spans = tracer.finishedSpans
            for (task, inside) in [("async_body", "inside_async"), ("sync_body", "inside_sync")] {
                let attempt = try #require(spans.first { $0.operationName == task })
                let child = try #require(spans.first { $0.operationName == inside })
                #expect(child.spanContext.parentSpanID == attempt.spanID, "\(inside) under \(task)")
            }
        }

        @Test("a stdio worker's span of a run is a child of the caller's attempt span")
        func stdioWorkerSpan() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wove-trace-\(UUID().uuidString)")
            try Data().write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let tracer = InMemoryTracer()
            _ = try await ObservedWeave.run(
                .tracing(tracer), workerCommand: ["/usr/bin/env", "WOVE_TEST_TRACE_FILE=\(file.path)"])
            let callerSpan = try #require(tracer.finishedSpans.first { $0.operationName == "double" })
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            let workerSpans = try lines.map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            }
            let run = try #require(workerSpans.first { $0["name"] == "double" }, "\(workerSpans)")
            #expect(run["trace_id"] == callerSpan.traceID, "the caller's trace")
            #expect(run["parent_span_id"] == callerSpan.spanID, "a child of the caller's attempt span")
        }
    }
#endif
