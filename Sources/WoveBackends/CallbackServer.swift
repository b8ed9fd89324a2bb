#if Backends
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import ServiceLifecycle
    import WoveNetwork
    import WoveRuntime

    /// The HTTP server backend jobs report to, in the submitting process: `POST
    /// /wove/events/<token>` with one event frame as JSON, answered `204`.
    ///
    /// Everything a job sends is checked before it is used: the path and its token (anything
    /// else is `404`), the body's size (`413`), the signature when callbacks are signed (`401`
    /// without credentials, `403` with wrong ones), the JSON and the frame (`400` with the reason).
    /// Start and stop are idempotent.
    final class CallbackServer: Sendable {
        struct Settings: Sendable {
            var host = "127.0.0.1"
            var port = 0
            /// The URL jobs on other hosts reach this server at, replacing the bound address.
            var publicURL: String?
            var token = CallbackServer.makeToken()
            var security = NetworkExecutorSecurity.none()
            var maximumBodySize = 16 << 20
            /// Refusals are warnings; the server's own start and stop messages stay below this level.
            var logger: Logger = {
                var logger = Logger(label: "wove.backend.callbacks")
                logger.logLevel = .warning
                return logger
            }()
        }

        /// What became of a frame the server accepted.
        enum Verdict: Sendable {
            case delivered
            /// For a run that is over, or that this executor never submitted: ignored, and counted.
            case ignored
        }

        private let settings: Settings
        private let deliver: @Sendable (WoveFrame) -> Verdict
        private let state = LockedValue(State())

        private struct State: Sendable {
            var running: (group: ServiceGroup, task: Task<Void, any Error>, url: String)?
            var ignored = 0
        }

        /// A server that hands each accepted frame to `deliver`.
        init(settings: Settings, deliver: @escaping @Sendable (WoveFrame) -> Verdict) {
            self.settings = settings
            self.deliver = deliver
        }

        /// 24 random bytes, URL-safe base64: the unguessable part of the callback path.
        static func makeToken() -> String {
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            return Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }

        /// Frames accepted but ignored so far: duplicates, late ones, others' runs.
        var ignoredFrames: Int { state.withLock { $0.ignored } }

        /// Starts listening, if not already, and returns the URL jobs POST to.
        func start() async throws -> String {
            if let url = state.withLock({ $0.running?.url }) { return url }
            let bound = OneShotResult<Int>()
            let settings = self.settings
            let router = Router()
            router.post("/wove/events/:token") { [self] request, context in
                await respond(to: request, token: context.parameters.get("token") ?? "")
            }
            let application = Application(
                router: router,
                configuration: ApplicationConfiguration(
                    address: .hostname(settings.host, port: settings.port), serverName: "wove-callbacks"),
                onServerRunning: { channel in _ = bound.resolve(.success(channel.localAddress?.port ?? 0)) },
                logger: settings.logger)
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [application], logger: settings.logger))
            let task = Task {
                do {
                    try await group.run()
                    _ = bound.resolve(
                        .failure(CallbackServerError("the callback server stopped before it listened")))
                } catch {
                    _ = bound.resolve(.failure(error))
                    throw error
                }
            }
            let port: Int
            do {
                port = try await bound.value
            } catch {
                throw CallbackServerError(
                    "the callback server could not listen on \(settings.host):\(settings.port): \(error)")
            }
            let path = "/wove/events/\(settings.token)"
            // A public URL naming its own `/wove/events/…` path is used as it is (with its token);
            // one without is the base the path goes under.
            let url =
                settings.publicURL.map { given in
                    let base = given.hasSuffix("/") ? String(given.dropLast()) : given
                    return base.contains("/wove/events/") ? base : base + path
                } ?? "http://\(Self.hostInURL(settings.host)):\(port)\(path)"
            let raced = state.withLock { state -> Bool in
                guard state.running == nil else { return true }
                state.running = (group, task, url)
                return false
            }
            if raced {
                await group.triggerGracefulShutdown()
                return try await start()
            }
            return url
        }

        /// Stops listening, if it was, and returns once the server is down.
        func stop() async {
            guard
                let running = state.withLock({ state -> (ServiceGroup, Task<Void, any Error>)? in
                    defer { state.running = nil }
                    return state.running.map { ($0.group, $0.task) }
                })
            else { return }
            await running.0.triggerGracefulShutdown()
            _ = try? await running.1.value
        }

        private static func hostInURL(_ host: String) -> String {
            host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }

        // MARK: - One request

        private func respond(to request: Request, token: String) async -> Response {
            // Compared whole, byte by byte, in time that does not depend on where they differ.
            let expected = Array(settings.token.utf8)
            let given = Array(token.utf8)
            var difference = expected.count ^ given.count
            for index in expected.indices {
                difference |= Int(expected[index] ^ (index < given.count ? given[index] : 0))
            }
            guard difference == 0 else { return refusal(.notFound, "Not found.") }
            let body: [UInt8]
            do {
                body = Array(buffer: try await request.body.collect(upTo: settings.maximumBodySize))
            } catch {
                return refusal(
                    .contentTooLarge, "The callback is larger than \(settings.maximumBodySize) bytes.")
            }
            if settings.security.mode != .none {
                let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
                do {
                    try settings.security.verify(
                        headers: request.headers.map { ($0.name.rawName, $0.value) }, transport: .http,
                        target: target, body: body)
                } catch {
                    settings.logger.warning("Refused a callback", metadata: ["reason": "\(error)"])
                    return refusal(error.isMissingCredentials ? .unauthorized : .forbidden, error.description)
                }
            }
            let frame: WoveFrame
            do {
                frame = try WoveFrame(json: try JSONValue(parsing: body))
            } catch {
                return refusal(.badRequest, "The callback is not a Wove event frame: \(error)")
            }
            switch frame {
            case .taskStarted, .heartbeat, .taskResult, .taskError, .taskCancelled, .log: break
            case .runTask, .cancelTask, .shutdown:
                return refusal(.badRequest, "A callback carries an event frame, not '\(frame.type)'.")
            }
            if case .ignored = deliver(frame) {
                state.withLock { $0.ignored += 1 }
                settings.logger.debug(
                    "Ignored a callback for a run that is over or unknown",
                    metadata: ["run_id": "\(frame.runID ?? "")", "type": "\(frame.type)"])
            }
            return Response(status: .noContent)
        }

        private func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(
                status: status, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: WorkerServiceCore.refusalBody(message))))
        }
    }

    /// The callback server could not start.
    struct CallbackServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
