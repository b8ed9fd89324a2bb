#if Ray
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import Testing
    import WoveDSL
    import WoveRay
    import WoveRuntime

    /// Every backend scenario with real Ray jobs, through the Jobs REST API (`.ci/engines start`
    /// runs Ray here).
    @Suite(
        "Ray backend", .serialized,
        .enabled(
            if: Engines.rayIsRunning || Engines.isRequired,
            "Skipped: Ray is not running; \(Engines.howToStart)."))
    struct RayBackendTests {
        /// Each test's own prefix, so that its jobs can be told from every other's.
        static func scenarios() -> BackendScenarios {
            let prefix = "wove-test-\(UUID().uuidString.prefix(8).lowercased())"
            return BackendScenarios(
                provider: .ray(
                    address: Engines.rayAddress, prefix: prefix, options: BackendScenarios.options),
                killFromOutside: { _ in try await stopRunningJobs(prefix: prefix) })
        }

        init() throws { try Engines.require(Engines.rayIsRunning, "Ray") }

        @Test func mixedWeaveEqualsLocal() async throws { try await Self.scenarios().mixedWeaveEqualsLocal() }
        @Test func mappedTaskRunsOneJobPerItemInOrder() async throws {
            try await Self.scenarios().mappedTaskInOrder()
        }
        @Test func payloadLargerThanTheArgumentLimit() async throws {
            try await Self.scenarios().payloadLargerThanTheArgumentLimit()
        }
        @Test func cancelledWeaveStopsTheJob() async throws {
            try await Self.scenarios().cancelledWeaveEndsTheJob()
        }
        @Test func rayStopFromOutsideFailsTheTask() async throws {
            try await Self.scenarios().jobEndedFromOutsideFailsItsTask(saying: "was cancelled outside Wove")
        }

        /// Stops, through Ray's own API, the running jobs whose submission ids start with `prefix`.
        static func stopRunningJobs(prefix: String) async throws {
            let base = Engines.rayAddress.absoluteString
            let list = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: base + "/api/jobs/"), timeout: .seconds(30))
            let body = try await list.body.collect(upTo: 16 << 20)
            guard case .array(let jobs) = try JSONValue(parsing: Array(buffer: body)) else {
                Issue.record("Ray's job list is not an array")
                return
            }
            var stopped = 0
            for case .object(let job) in jobs {
                guard case .string(let id)? = job["submission_id"], id.hasPrefix(prefix),
                    job["status"] == .string("RUNNING")
                else { continue }
                var stop = HTTPClientRequest(url: base + "/api/jobs/\(id)/stop")
                stop.method = .POST
                let response = try await HTTPClient.shared.execute(stop, timeout: .seconds(30))
                #expect(response.status.code == 200)
                stopped += 1
            }
            #expect(stopped == 1)
        }
    }
#endif
