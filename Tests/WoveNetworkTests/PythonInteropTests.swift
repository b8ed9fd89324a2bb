#if HTTP || WebSocket || GRPC
    import Foundation
    import Testing
    import WoveRuntime
    import WoveTestSupport

    @testable import WoveNetwork

    /// Python wove 2.0.3 itself checks the signatures Swift makes, and makes signatures Swift checks.
    /// It needs `python3` with `wove==2.0.3` (`pip install -r Benchmarks/python/requirements.txt`):
    /// without it the test is skipped, saying so, unless `WOVE_REQUIRE_INTEROP=1` (as `.ci/run` sets)
    /// turns the absence into a failure.
    @Suite("Python wove interoperability", .enabled(if: PythonWove.isUsable, PythonWove.skipReason))
    struct PythonInteropTests {
        @Test(
            "Python wove verifies Swift's signed headers, and Swift verifies Python's",
            arguments: [
                (NetworkTransport.http, "/wove?x=1", #"{"type":"run_task","run_id":"r","task_id":"t"}"#),
                (.grpc, "/wove.network_executor.WorkerService/Send", #"{"type":"cancel_task"}"#),
                (.websocket, "/ws", ""),
            ])
        func signaturesInterchange(transport: NetworkTransport, target: String, body: String) async throws {
            try PythonWove.requireUsable()
            let swift = try NetworkExecutorSecurity(
                mode: .signed, secret: Array("shared-secret".utf8), key: "pair")
            let headers = swift.headers(transport: transport, target: target, body: Array(body.utf8))
            let request: [String: any Sendable] = [
                "secret": "shared-secret", "key": "pair", "transport": transport.rawValue,
                "target": target,
                "body": body, "headers": Dictionary(uniqueKeysWithValues: headers),
            ]
            let answer = try await offThePool { try PythonWove.run(request: request) }
            #expect(answer["verified"] == .bool(true), "Python refused Swift's headers: \(answer)")
            guard case .object(let fields)? = answer["headers"] else {
                Issue.record("Python sent no headers: \(answer)")
                return
            }
            let pythonHeaders = fields.compactMapValues { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            }
            let verifier = try NetworkExecutorSecurity(
                mode: .signed, secret: Array("shared-secret".utf8), key: "pair")
            try verifier.verify(
                headers: pythonHeaders.map { ($0.key, $0.value) }, transport: transport, target: target,
                body: Array(body.utf8))
        }
    }

    /// Runs Python wove's `NetworkExecutorSecurity` in a child `python3`.
    enum PythonWove {
        static let script = """
            import json, sys
            from wove.security import NetworkExecutorSecurity
            request = json.load(sys.stdin)
            security = NetworkExecutorSecurity(mode="signed", secret=request["secret"], key=request["key"])
            body = request["body"].encode()
            answer = {}
            try:
                security.verify_headers(headers=request["headers"], transport=request["transport"],
                                        target=request["target"], body=body)
                answer["verified"] = True
            except Exception as error:
                answer["verified"] = False
                answer["error"] = str(error)
            answer["headers"] = security.headers_for(transport=request["transport"], target=request["target"], body=body)
            print(json.dumps(answer))
            """

        /// Whether `python3 -c "import wove"` works and reports 2.0.3.
        static let isInstalled: Bool = {
            (try? output(of: ["-c", "import wove; print(wove.__version__)"], input: Data()))?
                .trimmingCharacters(in: .whitespacesAndNewlines) == "2.0.3"
        }()

        /// Whether to run: installed, or required (then a missing install fails the test).
        static var isUsable: Bool { isInstalled || isRequired }

        static var isRequired: Bool { ProcessInfo.processInfo.environment["WOVE_REQUIRE_INTEROP"] == "1" }

        static let skipReason: Comment =
            "Skipped: python3 with wove==2.0.3 is not installed (pip install -r Benchmarks/python/requirements.txt)."

        static func requireUsable() throws {
            guard isInstalled else {
                Issue.record("WOVE_REQUIRE_INTEROP=1, but python3 with wove==2.0.3 is not installed.")
                throw CancellationError()
            }
        }

        /// Whether `python3` can import `module` (an executor's own dependency, such as `websockets`).
        static func canImport(_ module: String) -> Bool {
            (try? output(of: ["-c", "import \(module); print('ok')"], input: Data()))?
                .trimmingCharacters(in: .whitespacesAndNewlines) == "ok"
        }

        /// Fails the test, saying what to install, unless `python3` can import `module`. Asks
        /// `python3` off the cooperative pool: starting it and importing a module blocks for a
        /// second or so, which would hold up other tests' tasks (a service's heartbeats, say).
        static func require(_ module: String) async throws {
            try requireUsable()
            guard try await offThePool({ canImport(module) }) else {
                Issue.record(
                    "python3 cannot import \(module): pip install -r Benchmarks/python/requirements.txt")
                throw CancellationError()
            }
        }

        /// Runs `program` (the signature check unless said otherwise) with `request` as JSON on its
        /// standard input; returns the JSON object it prints.
        static func run(_ program: String = script, request: [String: any Sendable]) throws -> [String:
            JSONValue]
        {
            let input = try JSONSerialization.data(withJSONObject: request)
            let text = try output(of: ["-c", program], input: input)
            guard case .object(let object) = try JSONValue(parsing: Array(text.utf8)) else {
                throw CocoaError(.coderReadCorrupt)
            }
            return object
        }

        private static func output(of arguments: [String], input: Data) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            let stdin = Pipe()
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            try stdin.fileHandleForWriting.write(contentsOf: input)
            try stdin.fileHandleForWriting.close()
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }
#endif
