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
    /// (``FrameAnswer`` reads the answers.)
    ///
    /// ``send(_:)`` hands a `run_task` request over and returns; its events reach ``inbox`` as
    /// they arrive, read in one of two ways. A request made while no other is under way is read
    /// on its connection's event loop (all such requests use one loop, so they find a warm
    /// connection there), and its run resumes straight from it: no task to wake in between,
    /// which on a small machine is a tenth of a loopback round trip. A request made while others
    /// are under way is read by a task of its own, started on the caller's thread, so that
    /// reading many answers at once is spread over the cooperative pool instead of crowding the
    /// event loops that carry them. Either way the request is kept in a table while it is under
    /// way: `shutdown` cancels them, and ``stop()`` cancels them and waits for them to end. A
    /// `cancel_task` request is awaited by ``send(_:)`` itself, so it has reached the service (or
    /// failed) before `send` returns, and a stop that follows cannot cut it off.
    final class HTTPExecutor: InboxBackedExecutor {
        private let name: String
        private let preset: HTTPExecutorSettings?
        let inbox = FrameInbox()
        private let state = LockedValue(State())
        /// The requests under way.
        private let requests = RequestTable()

        private struct State: Sendable {
            /// Set by `start`; nil again once stopped.
            var connection: Connection?
        }

        /// What every request of a started executor shares.
        private struct Connection: Sendable {
            let client: HTTPClient
            let settings: HTTPExecutorSettings
            /// The headers of every request, less its security headers.
            let headers: HTTPHeaders
            /// The request answers are read on the event loop in, less its headers and body.
            let delegatedTemplate: HTTPClient.Request
            /// The request answers are read by a task in, less its headers and body.
            let taskTemplate: HTTPClientRequest
            /// The path and query signatures cover.
            let target: String
            /// The event loop of the requests read on one.
            let loop: any EventLoop
            /// The service's URL, as errors name it.
            let endpoint: String

            init(client: HTTPClient, settings: HTTPExecutorSettings) throws {
                self.client = client
                self.settings = settings
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Accept", value: "application/json")
                for (field, value) in settings.headers { headers.add(name: field, value: value) }
                self.headers = headers
                self.delegatedTemplate = try HTTPClient.Request(url: settings.url, method: .POST)
                self.endpoint = settings.url.absoluteString
                var taskTemplate = HTTPClientRequest(url: endpoint)
                taskTemplate.method = .POST
                self.taskTemplate = taskTemplate
                self.target = NetworkEndpoint.target(of: settings.url)
                self.loop = client.eventLoopGroup.next()
            }

            /// No deadline unless a timeout is set: AsyncHTTPClient schedules a timer for any.
            var deadline: NIODeadline? { settings.timeout.map { NIODeadline.after($0) } }

            /// The headers `frame`, whose JSON is `body`, is sent with: ``headers``, its security
            /// headers, and what it accepts.
            func headers(for frame: WoveFrame, body: [UInt8]) -> HTTPHeaders {
                var headers = headers
                for (field, value) in settings.security.headers(transport: .http, target: target, body: body)
                {
                    headers.replaceOrAdd(name: field, value: value)
                }
                if case .runTask(_, _, _, _, let delivery, _) = frame, (delivery.heartbeatSeconds ?? 0) > 0 {
                    // Heartbeats must arrive while the run goes on, so its events are read as they come.
                    headers.replaceOrAdd(
                        name: "Accept", value: "\(HTTPWorkerService.streamedType), application/json")
                }
                return headers
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
            do {
                let connection = try Connection(client: client, settings: settings)
                state.withLock { $0.connection = connection }
            } catch {
                try? await client.shutdown()
                throw error
            }
        }

        func send(_ frame: WoveFrame) async throws {
            switch frame {
            case .runTask:
                let connection = try startedConnection()
                let body: [UInt8]
                do {
                    body = try frame.serialized()
                } catch {
                    var answer = FrameAnswer(to: frame, endpoint: connection.endpoint)
                    return answer.finish(.failure(error), into: inbox)
                }
                let (lease, alone) = requests.reserve()
                let request: RequestTable.Request =
                    alone
                    ? .delegated(delegated(frame, body: body, over: connection, lease: lease))
                    : .task(
                        startImmediately { [self] in
                            await post(frame, body: body, over: connection, lease: lease)
                        })
                requests.add(request, under: lease)
            case .cancelTask:
                let connection = try startedConnection()
                guard let body = try? frame.serialized() else { return }
                let request = delegated(frame, body: body, over: connection)
                await withTaskCancellationHandler {
                    _ = try? await request.futureResult.get()
                } onCancel: {
                    request.cancel()
                }
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

        /// Sends `frame`, whose JSON is `body`, and reads its answer on the connection's event loop;
        /// `lease` is answered and ended as the request ends.
        private func delegated(
            _ frame: WoveFrame, body: [UInt8], over connection: Connection, lease: RequestTable.Lease? = nil
        ) -> HTTPClient.Task<Void> {
            let reader = FrameResponseReader(to: frame, endpoint: connection.endpoint, inbox: inbox)
            reader.lease = lease
            var request = connection.delegatedTemplate
            request.headers = connection.headers(for: frame, body: body)
            request.body = .byteBuffer(ByteBuffer(bytes: body))
            let task = connection.client.execute(
                request: request, delegate: reader, eventLoop: .delegateAndChannel(on: connection.loop),
                deadline: connection.deadline)
            // AsyncHTTPClient fails some requests without telling the delegate (one made while the
            // client shuts down, say): the run must hear of those too. On the reader's loop.
            task.futureResult.whenFailure { reader.finish(.failure($0)) }
            return task
        }

        /// Sends `frame`, whose JSON is `body`, and reads its answer in the calling task; `lease` is
        /// answered and ended as the request ends.
        private func post(
            _ frame: WoveFrame, body: [UInt8], over connection: Connection, lease: RequestTable.Lease
        ) async {
            var answer = FrameAnswer(to: frame, endpoint: connection.endpoint)
            var request = connection.taskTemplate
            request.headers = connection.headers(for: frame, body: body)
            request.body = .bytes(ByteBuffer(bytes: body))
            var result = Result<Void, any Error>.success(())
            do {
                let response = try await connection.client.execute(
                    request, deadline: connection.deadline ?? .distantFuture)
                answer.head(response.status, contentType: response.headers.first(name: "Content-Type"))
                for try await part in response.body { try answer.receive(part, into: inbox) }
            } catch {
                result = .failure(error)
            }
            lease.answered()
            if case .success = result { result = Result { try answer.end(into: inbox) } }
            answer.finish(result, into: inbox)
            lease.end()
        }
    }

    extension NIODeadline {
        /// `timeout` from now; one of more than a year is the distant future.
        static func after(_ timeout: Duration) -> NIODeadline {
            guard timeout <= .seconds(365 * 24 * 3600) else { return .distantFuture }
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
