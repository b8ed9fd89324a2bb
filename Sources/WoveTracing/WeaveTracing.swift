#if Tracing
    public import Tracing
    public import WoveRuntime

    /// A `WeaveTracer` that traces weaves with swift-distributed-tracing: a span per weave, a
    /// child span per task attempt, and, for a run in another process, the attempt's context in the
    /// `run_task` frame, where the worker's `WeaveTracing` starts the run's span as its child.
    ///
    /// | span | name | kind | attributes |
    /// |---|---|---|---|
    /// | a weave | `weave <name>` | internal | `wove.weave`, `wove.weave_id`, `wove.task_count` |
    /// | an attempt | the task's name | internal, client for a remote task | `wove.task`, `wove.environment`, `wove.attempt`, `wove.item` (mapped), `wove.outcome` |
    /// | a run a worker serves | the task's name | server | `wove.task`, `wove.run_id`, `wove.outcome` |
    ///
    /// A weave's span is a child of the span current where the weave was called; an attempt's
    /// span is current while its body runs (on a blocking thread too), so spans the body starts,
    /// and nested weaves, are its children. A failure records its error and sets the span's
    /// status to error.
    ///
    /// ```swift
    /// InstrumentationSystem.bootstrap(otelTracer)
    /// try Wove.config(observers: [WeaveTracing()])  // every weave, and every WoveWorker
    /// ```
    public struct WeaveTracing: WeaveTracer {
        private let tracer: any Tracer

        /// Traces with `tracer` (default: the one bootstrapped in `InstrumentationSystem`).
        public init(tracer: any Tracer = InstrumentationSystem.tracer) { self.tracer = tracer }

        /// Starts the weave's span, a child of the current context's span.
        public func startWeaveSpan(_ started: WeaveEvent) -> any WeaveSpan {
            let span = tracer.startSpan(
                "weave \(started.weave)", context: ServiceContext.current ?? .topLevel, ofKind: .internal)
            span.attributes["wove.weave"] = started.weave
            span.attributes["wove.weave_id"] = "\(started.weaveID)"
            span.attributes["wove.task_count"] = started.taskCount ?? 0
            return TracedSpan(span, tracer: tracer)
        }

        /// Starts a worker's span of one run, a child of the caller's span in `context`.
        public func startRemoteRunSpan(task: String, runID: String, context: TraceContext?) -> any WeaveSpan {
            var parent = ServiceContext.current ?? .topLevel
            if let context { tracer.extract(context.fields, into: &parent, using: FieldsExtractor()) }
            let span = tracer.startSpan(task, context: parent, ofKind: .server)
            span.attributes["wove.task"] = task
            span.attributes["wove.run_id"] = runID
            return TracedSpan(span, tracer: tracer)
        }
    }

    /// One span of a traced weave.
    struct TracedSpan: WeaveSpan {
        private let span: any Span
        private let tracer: any Tracer

        init(_ span: any Span, tracer: any Tracer) {
            self.span = span
            self.tracer = tracer
        }

        func startAttemptSpan(_ started: WeaveEvent) -> any WeaveSpan {
            let remote = started.environment.map { $0 != "local" } ?? false
            let child = tracer.startSpan(
                started.task ?? "task", context: span.context, ofKind: remote ? .client : .internal)
            child.attributes["wove.task"] = started.task ?? ""
            child.attributes["wove.environment"] = started.environment ?? "local"
            child.attributes["wove.attempt"] = started.attempt ?? 1
            if let item = started.item { child.attributes["wove.item"] = item }
            return TracedSpan(child, tracer: tracer)
        }

        var context: TraceContext? {
            var fields: [String: String] = [:]
            tracer.inject(span.context, into: &fields, using: FieldsInjector())
            return fields.isEmpty ? nil : TraceContext(fields: fields)
        }

        func withCurrent<T>(_ body: () throws -> T) rethrows -> T {
            try ServiceContext.withValue(span.context, operation: body)
        }

        func withCurrent<T>(_ body: () async throws -> T) async rethrows -> T {
            try await ServiceContext.withValue(span.context) { try await body() }
        }

        func end(error: (any Error)?) {
            if let error {
                span.recordError(error)
                span.setStatus(SpanStatus(code: .error, message: "\(error)"))
                span.attributes["wove.outcome"] = "failure"
            } else {
                span.attributes["wove.outcome"] = "success"
            }
            span.end()
        }
    }

    /// Writes a propagator's fields into a trace context's dictionary.
    struct FieldsInjector: Injector {
        func inject(_ value: String, forKey key: String, into fields: inout [String: String]) {
            fields[key] = value
        }
    }

    /// Reads a propagator's fields from a trace context's dictionary.
    struct FieldsExtractor: Extractor {
        func extract(key: String, from fields: [String: String]) -> String? { fields[key] }
    }
#endif
