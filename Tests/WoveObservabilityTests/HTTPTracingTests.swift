#if Tracing && HTTP
    import Foundation
    import InMemoryTracing
    import Tracing
    import Logging
    import ServiceLifecycle
    import Testing
    import WoveHTTP
    import WoveRuntime
    import WoveTracing

    @Suite("Tracing across an HTTP worker service")
    struct HTTPTracingTests {
        @Test("the service's span of a run is a child of the caller's attempt span, and the body runs in it")
        func serviceSpan() async throws {
            let serviceTracer = InMemoryTracer(
                idGenerator: .init(nextTraceID: { UUID().uuidString }, nextSpanID: { UUID().uuidString }))
            let worker = WoveWorker(tracer: WeaveTracing(tracer: serviceTracer)) {
                Task("double", after: "value") { (value: Int) async -> Int in
                    // A span the body starts is a child of the run's span.
                    serviceTracer.withSpan("inside") { _ in value * 2 }
                }
            }
            let port = OneShotResult<Int>()
            let service = HTTPWorkerService(
                worker: worker,
                settings: WorkerServiceSettings(
                    shutdownGracePeriod: .seconds(1), logger: Logger(label: "wove.test.tracing"),
                    onServerRunning: { port.resolve(.success($0)) }))
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [service], logger: Logger(label: "wove.test")))
            let callerTracer = InMemoryTracer()
            try await withThrowingTaskGroup(of: Void.self) { running in
                running.addTask { try await group.run() }
                defer { running.cancelAll() }
                let url = try #require(URL(string: "http://127.0.0.1:\(try await port.value)/wove"))
                let configuration = WoveConfiguration(environments: [
                    "service": EnvironmentSettings(executor: .http(url: url, security: .none()))
                ])
                let result = try await Wove.withConfiguration(configuration) {
                    try await weave(["value": 21], options: .tracing(callerTracer)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("service")
                    }
                }
                #expect(try result.value("double", as: Int.self) == 42)
                await group.triggerGracefulShutdown()
            }
            let attempt = try #require(callerTracer.finishedSpans.first { $0.operationName == "double" })
            let run = try #require(serviceTracer.finishedSpans.first { $0.operationName == "double" })
            #expect(run.traceID == attempt.traceID, "the caller's trace")
            #expect(run.spanContext.parentSpanID == attempt.spanID, "a child of the caller's attempt span")
            #expect(run.kind == .server)
            let inside = try #require(serviceTracer.finishedSpans.first { $0.operationName == "inside" })
            #expect(inside.spanContext.parentSpanID == run.spanID, "the body ran with the run's span current")
        }
    }
#endif
