#if Backends
    import Foundation
    import Testing
    import WoveBackends
    import WoveRuntime

    /// The job side, as a scheduler starts it: the test worker with a payload in its environment,
    /// and the exit status that says what happened.
    @Suite("Backend job process")
    struct BackendJobProcessTests {
        /// Runs the test worker with `environment` added; returns its exit status and stderr.
        static func runJob(_ environment: [String: String]) async throws -> (status: Int32, stderr: String) {
            let errors = FileManager.default.temporaryDirectory.appendingPathComponent(
                "wove-job-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: errors) }
            let handle = try FileHandle(forWritingTo: errors)
            defer { try? handle.close() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestWorker.path)
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardError = handle
            process.standardOutput = FileHandle.nullDevice
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
            return (
                status,
                String(decoding: FileManager.default.contents(atPath: errors.path) ?? Data(), as: UTF8.self)
            )
        }

        @Test func unreadablePayloadExitsWith65SayingWhy() async throws {
            let (status, stderr) = try await Self.runJob(["WOVE_BACKEND_PAYLOAD": "%%%"])
            #expect(status == BackendWorker.ExitStatus.invalidPayload.rawValue)
            #expect(stderr.contains("Invalid Wove backend payload"), "\(stderr)")
        }

        /// A scheduler that dropped the job's environment leaves only the marker: the job stops
        /// rather than run the program, which would submit jobs of its own.
        @Test func jobWithoutItsPayloadExitsWith65() async throws {
            let (status, stderr) = try await Self.runJob(["WOVE_BACKEND_JOB": "1"])
            #expect(status == BackendWorker.ExitStatus.invalidPayload.rawValue)
            #expect(stderr.contains("without its payload"), "\(stderr)")
        }

        @Test func missingPayloadFileExitsWith65NamingIt() async throws {
            let (status, stderr) = try await Self.runJob([
                "WOVE_BACKEND_PAYLOAD_FILE": "/nonexistent/payload.json"
            ])
            #expect(status == BackendWorker.ExitStatus.invalidPayload.rawValue)
            #expect(stderr.contains("/nonexistent/payload.json"), "\(stderr)")
        }

        @Test func unreachableCallbackExitsWith75AfterRetrying() async throws {
            let payload = BackendPayload(
                adapter: "test", callbackURL: "http://127.0.0.1:9/wove/events/nobody-listens",
                run: .runTask(
                    runID: "double:1", taskID: "double", weave: nil, args: ["value": 2], delivery: Delivery())
            )
            let started = ContinuousClock.now
            let (status, stderr) = try await Self.runJob(["WOVE_BACKEND_PAYLOAD": try payload.encoded()])
            #expect(status == BackendWorker.ExitStatus.callbackFailed.rawValue)
            #expect(stderr.contains("Could not deliver task_started"), "\(stderr)")
            // Five tries with backoff: more than a second, well under a minute.
            #expect(ContinuousClock.now - started > .seconds(1))
        }
    }
#endif
