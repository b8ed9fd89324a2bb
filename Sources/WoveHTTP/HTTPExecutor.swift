#if HTTP
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import NIOHTTP1
    import WoveNetwork
    import WoveRuntime

    /// The `http` and `https` executors: each `run_task` and `cancel_task` is POSTed as JSON to the
    /// worker service, signed per the environment's security, many in flight at once over pooled
    /// connections; the events that come back are ``recv()``'s.
    ///
    /// A run with a delivery heartbeat asks for newline-delimited JSON, read as it arrives (what
    /// ``HTTPWorkerService`` sends, so heartbeats reach the delivery watchdog while the run is under
    /// way); otherwise, and from services that do not stream (Python's), the response is one JSON
    /// document: an event, a list, or `{"events": [...]}`, which costs less per request. A request that fails,
    /// a refusal, or a response that ends before its run did, becomes that run's `task_error`
    /// with source `transport`: retryable, except a refusal (401/403) or a request too large (413).
    ///
    /// A `run_task` request runs in a task of its own, started immediately by ``send(_:)`` (so
    /// the caller's thread makes the request up to its first wait) and kept in the executor's
    /// table for as long as its run: `shutdown` cancels them, and ``stop()`` cancels them and
    /// waits for them to end. (A task group, or a task started the usual way, would cost each
    /// request the wake of another thread: on a small machine, a tenth of a loopback round trip.)
    /// Its events go to ``inbox``, which the runtime routes as they are pushed. A `cancel_task` request is made by ``send(_:)``
    /// itself, so it has reached the service (or failed) before `send` returns, and a stop that
    /// follows cannot cut it off.
    final class HTTPExecutor: InboxBackedExecutor {
        /// The most bytes of an answer kept: a larger one fails its run.
        static let maximumResponseBytes = 64 << 20

        private let name: String
        private let preset: HTTPExecutorSettings?
        let inbox = FrameInbox()
        private let state = LockedValue(State())
        /// The `run_task` requests under way.
        private let requests = TaskTable()

        private struct State: Sendable {
            /// Set by `start`; nil again once stopped.
            var connection: Connection?
        }

        /// What every request of a started executor shares.
        private struct Connection: Sendable {
            let client: HTTPClient
            let settings: HTTPExecutorSettings
            /// The request every frame is sent in, less its body and security headers.
            let template: HTTPClientRequest
            /// The path and query signatures cover.
            let target: String

            init(client: HTTPClient, settings: HTTPExecutorSettings) {
                self.client = client
                self.settings = settings
                var template = HTTPClientRequest(url: settings.url.absoluteString)
                template.method = .POST
                template.headers.add(name: "Content-Type", value: "application/json")
                template.headers.add(name: "Accept", value: "application/json")
                for (field, value) in settings.headers { template.headers.add(name: field, value: value) }
                self.template = template
                self.target = NetworkEndpoint.target(of: settings.url)
            }
        }

        /// An executor named `name` (`http` or `https`); with `preset`, its settings come from the
        /// typed provider rather than `executor_config`.
        init(name: String, preset: HTTPExecutorSettings?) {
            self.name = name
            self.preset = preset
        }

        func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
            async throws
        {
            let settings =
                try preset
                ?? HTTPExecutorSettings(
                    environmentConfig, name: name, at: "environments.\(environmentName).executor_config")
            try NetworkEndpoint.checkSecurity(
                executor: name, environment: environmentName, host: settings.host, usesTLS: settings.usesTLS,
                security: settings.security, insecure: settings.insecure)
            var configuration = HTTPClient.Configuration()
            if settings.usesTLS {
                configuration.tlsConfiguration = try ClientTLS.configuration(
                    trustingOnly: settings.trustRootsPEM)
            }
            configuration.timeout.connect = .seconds(10)
            let client = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            state.withLock { $0.connection = Connection(client: client, settings: settings) }
        }

        func send(_ frame: WoveFrame) async throws {
            switch frame {
            case .runTask:
                let connection = try startedConnection()
                // Started on the caller's thread, which makes the request up to its first wait.
                requests.start { [self] in await post(frame, over: connection) }
            case .cancelTask: await post(frame, over: try startedConnection())
            case .shutdown: requests.cancelAll()
            default: throw HTTPExecutorError("Unsupported frame type: \(frame.type)")
            }
        }

        func recv() async throws -> WoveFrame {
            _ = try startedConnection()
            return try await inbox.next()
        }

        private func startedConnection() throws(HTTPExecutorError) -> Connection {
            try state.withLock { state throws(HTTPExecutorError) in try started(state) }
        }

        private func started(_ state: State) throws(HTTPExecutorError) -> Connection {
            guard let connection = state.connection else {
                throw HTTPExecutorError("\(name) executor is not started.")
            }
            return connection
        }

        /// Cancels the requests in flight, closes the connections, and ends ``recv()``.
        func stop() async throws {
            let connection = state.withLock { state in
                defer { state.connection = nil }
                return state.connection
            }
            requests.cancelAll()
            await requests.waitForAll()
            try? await connection?.client.shutdown()
            inbox.fail(HTTPExecutorError("\(name) executor is stopped."))
        }

        // MARK: - One request

        private func post(_ frame: WoveFrame, over connection: Connection) async {
            let settings = connection.settings
            var streams = false
            if case .runTask(_, _, _, _, let delivery, _) = frame {
                streams = (delivery.heartbeatSeconds ?? 0) > 0
            }
            var outcome = RequestOutcome(of: frame, service: "HTTP worker service")
            do {
                let body = try frame.serialized()
                var request = connection.template
                if streams {
                    // Heartbeats must arrive while the run goes on, so its events are read as they come.
                    request.headers.replaceOrAdd(
                        name: "Accept", value: "application/x-ndjson, application/json")
                }
                for (field, value) in settings.security.headers(
                    transport: .http, target: connection.target, body: body)
                {
                    request.headers.replaceOrAdd(name: field, value: value)
                }
                request.body = .bytes(ByteBuffer(bytes: body))
                let response = try await connection.client.execute(
                    request, deadline: NIODeadline.after(settings.timeout))
                guard (200..<300).contains(Int(response.status.code)) else {
                    let text = try await String(buffer: response.body.collect(upTo: 64 << 10))
                    let status = Int(response.status.code)
                    let detail = HTTPWorkerService.errorMessage(in: text) ?? text.prefix(200).description
                    outcome.refused(
                        "HTTP worker service answered \(status) \(response.status.reasonPhrase)"
                            + (detail.isEmpty ? "" : ": \(detail)"),
                        retryable: ![401, 403, 413].contains(status))
                    return outcome.finish(into: inbox, endpoint: settings.url.absoluteString)
                }
                if response.headers.first(name: "Content-Type")?.utf8.contains("ndjson".utf8) == true {
                    try await readLines(of: response.body, outcome: &outcome)
                } else {
                    let bytes = Array(
                        buffer: try await response.body.collect(upTo: Self.maximumResponseBytes))
                    for event in try NetworkEvents.decode(bytes) { outcome.deliver(event, to: inbox) }
                }
            } catch {
                outcome.failed(error)
            }
            outcome.finish(into: inbox, endpoint: settings.url.absoluteString)
        }

        /// Delivers each line of a newline-delimited JSON body as it arrives.
        private func readLines(
            of body: HTTPClientResponse.Body, outcome: inout RequestOutcome
        ) async throws {
            var pending: [UInt8] = []
            for try await chunk in body {
                pending.append(contentsOf: chunk.readableBytesView)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(pending[..<newline])
                    pending.removeSubrange(...newline)
                    for event in try NetworkEvents.decode(line) { outcome.deliver(event, to: inbox) }
                }
                guard pending.count <= Self.maximumResponseBytes else {
                    throw NetworkEvents.DecodingError(description: "A response line is longer than 64 MiB.")
                }
            }
            for event in try NetworkEvents.decode(pending) { outcome.deliver(event, to: inbox) }
        }
    }

    extension NIODeadline {
        /// `timeout` from now; none (or one of more than a year) is the distant future.
        static func after(_ timeout: Duration?) -> NIODeadline {
            guard let timeout, timeout <= .seconds(365 * 24 * 3600) else { return .distantFuture }
            let (seconds, attoseconds) = timeout.components
            return .now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }

    /// A misuse of the HTTP executor, or a request it could not make.
    struct HTTPExecutorError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
