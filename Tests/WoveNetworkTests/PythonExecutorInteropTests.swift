#if WebSocket || GRPC
    import Foundation
    import Testing
    import WoveDSL
    import WoveNetwork
    import WoveRuntime
    import WoveTestSupport

    /// Python wove's own network executors, signing their requests, pointed at the Swift worker
    /// services. They need `python3` with `wove==2.0.3` and the executor's module (`websockets`,
    /// `grpc`); skipped, saying so, without them, unless `WOVE_REQUIRE_INTEROP=1` (as `.ci/run` sets).
    @Suite(
        "Python wove's executors against the Swift worker services",
        .enabled(if: PythonWove.isUsable, PythonWove.skipReason))
    struct PythonExecutorInteropTests {
        /// A Python executor: its class, the module it needs, and its `executor_config` for a URL.
        struct PythonExecutor: Sendable, CustomStringConvertible {
            let transport: Transport
            let className: String
            let module: String
            let config: @Sendable (URL) -> [String: String]
            var description: String { className }
        }

        static var executors: [PythonExecutor] {
            var executors: [PythonExecutor] = []
            #if WebSocket
                executors.append(
                    PythonExecutor(
                        transport: .webSocket, className: "WebSocketEnvironmentExecutor",
                        module: "websockets",
                        config: { ["url": $0.absoluteString] }))
            #endif
            #if GRPC
                executors.append(
                    PythonExecutor(
                        transport: .grpc, className: "GrpcEnvironmentExecutor", module: "grpc",
                        config: { ["target": "\($0.host ?? ""):\($0.port ?? 0)"] }))
            #endif
            return executors
        }

        static let program = """
            import asyncio, json, sys
            import wove.environment
            request = json.load(sys.stdin)

            async def main():
                executor = getattr(wove.environment, request["executor"])()
                config = dict(request["config"])
                config["security"] = {"type": "signed", "secret": request["secret"], "key": "py"}
                await executor.start(environment_name="remote", environment_config=config, run_config={})
                await executor.send({"type": "run_task", "run_id": "double:py", "task_id": "double",
                                     "callable": abs, "args": {"value": 21}, "delivery": {}})
                events = []
                while True:
                    event = await asyncio.wait_for(executor.recv(), 10)
                    events.append(event)
                    if event.get("type") in ("task_result", "task_error", "task_cancelled"):
                        break
                await executor.send({"type": "cancel_task", "run_id": "double:py", "task_id": "double"})
                await executor.send({"type": "shutdown"})
                await executor.stop()
                print(json.dumps({"events": events}, default=str))

            asyncio.run(main())
            """

        @Test(
            "the service verifies Python's signature and answers its pickled run with a config error",
            arguments: executors)
        func pythonExecutor(executor: PythonExecutor) async throws {
            try await PythonWove.require(executor.module)
            let secret = "interop-secret"
            let security = try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8), key: "py")
            try await withService(executor.transport, RemoteTasks(probe: ServiceProbe()), security: security)
            { url, _ in
                let request: [String: any Sendable] = [
                    "executor": executor.className, "config": executor.config(url), "secret": secret,
                ]
                let answer = try await offThePool { try PythonWove.run(Self.program, request: request) }
                guard case .array(let events)? = answer["events"], case .object(let last)? = events.last
                else {
                    Issue.record("Python received no events: \(answer)")
                    return
                }
                #expect(last["type"] == .string("task_error"), "\(answer)")
                guard case .object(let error)? = last["error"], case .string(let message)? = error["message"]
                else {
                    Issue.record("The task_error has no message: \(answer)")
                    return
                }
                #expect(error["source"] == .string("config"), "\(answer)")
                #expect(message.contains("Python pickles") && message.contains("args_pickle"), "\(message)")
                // The service is still serving.
                let result = try await Wove.withConfiguration(
                    remote(executor.transport.executor(url, security))
                ) {
                    try await weave(["value": 4]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 8)
            }
        }
    }
#endif
