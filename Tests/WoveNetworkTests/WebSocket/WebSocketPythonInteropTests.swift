#if WebSocket
    import Foundation
    import Testing
    import WoveDSL
    import WoveNetwork
    import WoveRuntime
    import WoveWebSocket

    /// Python wove's own `WebSocketEnvironmentExecutor`, signing its handshake, pointed at the Swift
    /// worker service. It needs `python3` with `wove==2.0.3` and `websockets`; skipped, saying so,
    /// without them, unless `WOVE_REQUIRE_INTEROP=1` (as `.ci/run` sets).
    @Suite(
        "Python wove's WebSocket executor against the Swift service",
        .enabled(if: PythonWove.isUsable, PythonWove.skipReason))
    struct WebSocketPythonInteropTests {
        static let program = """
            import asyncio, json, sys
            from wove.environment import WebSocketEnvironmentExecutor
            request = json.load(sys.stdin)

            async def main():
                executor = WebSocketEnvironmentExecutor()
                await executor.start(
                    environment_name="remote",
                    environment_config={"url": request["url"], "open_timeout": 10,
                                        "security": {"type": "signed", "secret": request["secret"], "key": "py"}},
                    run_config={})
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
            "the service verifies Python's signed handshake and answers its pickled run with a config error")
        func pythonExecutor() async throws {
            try PythonWove.require("websockets")
            let secret = "interop-secret"
            let security = try NetworkExecutorSecurity(mode: .signed, secret: Array(secret.utf8), key: "py")
            try await withService(.webSocket, RemoteTasks(probe: ServiceProbe()), security: security) {
                url, _ in
                let request: [String: any Sendable] = ["url": url.absoluteString, "secret": secret]
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
                    remote(.webSocket(url: url, security: security))
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
