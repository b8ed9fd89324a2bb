#if Backends
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import Testing
    @testable import WoveBackends
    import WoveRuntime

    /// The callback server, as a job (or anything else on the network) reaches it: real requests
    /// on 127.0.0.1, each refusal with its status and reason, and frames delivered exactly once.
    @Suite("Backend callback server")
    struct CallbackServerTests {
        /// A started server whose delivered frames are kept, and which treats `finished` runs as over.
        final class Harness: Sendable {
            let delivered = LockedValue<[WoveFrame]>([])
            let server: CallbackServer
            let url: String

            init(security: NetworkExecutorSecurity = .none(), maximumBodySize: Int = 16 << 20) async throws {
                var settings = CallbackServer.Settings()
                settings.security = security
                settings.maximumBodySize = maximumBodySize
                let delivered = self.delivered
                server = CallbackServer(settings: settings) { frame in
                    delivered.withLock { frames in
                        // The first terminal frame of a run ends it; anything later is ignored.
                        let over = frames.contains { $0.runID == frame.runID && $0.isTerminal }
                        if over { return .ignored }
                        frames.append(frame)
                        return .delivered
                    }
                }
                url = try await server.start()
            }

            func post(_ body: String, to url: String? = nil, headers: [(String, String)] = []) async throws
                -> (
                    Int, String
                )
            {
                var request = HTTPClientRequest(url: url ?? self.url)
                request.method = .POST
                for (name, value) in headers { request.headers.add(name: name, value: value) }
                request.body = .bytes(ByteBuffer(string: body))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
                return (Int(response.status.code), text)
            }
        }

        static let result = #"{"type":"task_result","run_id":"r1","task_id":"t","result":7}"#

        @Test func acceptsAnEventFrameAt204() async throws {
            let harness = try await Harness()
            let (status, _) = try await harness.post(Self.result)
            #expect(status == 204)
            #expect(harness.delivered.withLock { $0 } == [.taskResult(runID: "r1", taskID: "t", result: 7)])
            await harness.server.stop()
        }

        @Test func wrongTokenAndOtherPathsAre404() async throws {
            let harness = try await Harness()
            let base = harness.url.components(separatedBy: "/wove/events/")[0]
            for url in [
                base + "/wove/events/not-the-token", base + "/wove/events/", base + "/other",
                harness.url + "/more",
            ] {
                let (status, _) = try await harness.post(Self.result, to: url)
                #expect(status == 404, "\(url)")
            }
            #expect(harness.delivered.withLock { $0 }.isEmpty)
            await harness.server.stop()
        }

        @Test func badJSONAndNonEventsAre400WithTheReason() async throws {
            let harness = try await Harness()
            let (status, body) = try await harness.post("{not json")
            #expect(status == 400)
            #expect(body.contains("not a Wove event frame"), "\(body)")
            let (runStatus, runBody) = try await harness.post(
                #"{"type":"run_task","run_id":"r","task_id":"t","args":{}}"#)
            #expect(runStatus == 400)
            #expect(runBody.contains("run_task"), "\(runBody)")
            #expect(harness.delivered.withLock { $0 }.isEmpty)
            await harness.server.stop()
        }

        @Test func oversizedCallbackIs413() async throws {
            let harness = try await Harness(maximumBodySize: 1024)
            let big =
                #"{"type":"task_result","run_id":"r1","task_id":"t","result":""#
                + String(repeating: "x", count: 4096) + #""}"#
            let (status, _) = try await harness.post(big)
            #expect(status == 413)
            #expect(harness.delivered.withLock { $0 }.isEmpty)
            await harness.server.stop()
        }

        @Test func signedCallbacksAreVerified() async throws {
            let security = try NetworkExecutorSecurity(mode: .signed, secret: Array("s3cret".utf8))
            let harness = try await Harness(security: security)
            let target = NetworkEndpoint.target(of: try #require(URL(string: harness.url)))
            let (unsigned, _) = try await harness.post(Self.result)
            #expect(unsigned == 401)
            let wrong = try NetworkExecutorSecurity(mode: .signed, secret: Array("other".utf8))
            let (forged, reason) = try await harness.post(
                Self.result,
                headers: wrong.headers(transport: .http, target: target, body: Array(Self.result.utf8)))
            #expect(forged == 403)
            #expect(reason.contains("signature"), "\(reason)")
            let (signed, _) = try await harness.post(
                Self.result,
                headers: security.headers(transport: .http, target: target, body: Array(Self.result.utf8)))
            #expect(signed == 204)
            #expect(harness.delivered.withLock { $0.count } == 1)
            await harness.server.stop()
        }

        @Test func lateFramesAreIgnoredAndCounted() async throws {
            let harness = try await Harness()
            for _ in 0..<3 { _ = try await harness.post(Self.result) }
            let (status, _) = try await harness.post(#"{"type":"heartbeat","run_id":"r1","task_id":"t"}"#)
            #expect(status == 204)
            #expect(harness.delivered.withLock { $0.count } == 1)
            #expect(harness.server.ignoredFrames == 3)
            await harness.server.stop()
        }

        @Test func startAndStopAreIdempotent() async throws {
            let harness = try await Harness()
            #expect(try await harness.server.start() == harness.url)
            await harness.server.stop()
            await harness.server.stop()
            await #expect(throws: (any Error).self) { _ = try await harness.post(Self.result) }
        }

        @Test func publicURLReplacesTheBoundAddress() async throws {
            var settings = CallbackServer.Settings()
            settings.publicURL = "http://public.example/wove/events/token/"
            let server = CallbackServer(settings: settings) { _ in .delivered }
            #expect(try await server.start() == "http://public.example/wove/events/token")
            await server.stop()
            settings.publicURL = "http://login-1:7000/"
            settings.token = "a-token-of-twenty-chars"
            let based = CallbackServer(settings: settings) { _ in .delivered }
            #expect(try await based.start() == "http://login-1:7000/wove/events/a-token-of-twenty-chars")
            await based.stop()
        }
    }

#endif
