#if WebSocket
    import Foundation
    import WSClient
    import WoveNetwork
    import WoveRuntime

    /// The `websocket` executor: one connection to the worker service, opened at start with a
    /// signed handshake (SPEC §15.5); every frame is one JSON text message, fragmented above 16 KiB;
    /// events are read as they arrive, so many runs share the connection.
    ///
    /// A refused handshake fails the start, so the environment's tasks fail naming the cause. A
    /// connection that drops fails every pending run with a retryable `transport` error (or, by
    /// its orphan policy, ``DeliveryOrphanedError``), as a failed receiver does for any executor.
    final class WebSocketExecutor: InboxBackedExecutor {
        let inbox = FrameInbox()
        private let preset: WebSocketExecutorSettings?
        private let connection = LockedValue<WebSocketConnection?>(nil)

        /// An executor whose settings come from `preset`, or else from `executor_config`.
        init(preset: WebSocketExecutorSettings?) { self.preset = preset }

        func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
            async throws
        {
            let settings =
                try preset
                ?? WebSocketExecutorSettings(
                    environmentConfig, at: "environments.\(environmentName).executor_config")
            try NetworkEndpoint.checkSecurity(
                executor: "websocket", environment: environmentName, host: settings.host,
                usesTLS: settings.usesTLS, security: settings.security, insecure: settings.insecure)
            let target = NetworkEndpoint.target(of: settings.url)
            let headers =
                settings.headers + settings.security.headers(transport: .websocket, target: target, body: [])
            let url = settings.url.absoluteString
            let inbox = self.inbox
            do {
                let opened = try await WebSocketConnection.open(
                    url: url, headers: headers,
                    tls: settings.usesTLS
                        ? try ClientTLS.configuration(trustingOnly: settings.trustRootsPEM) : nil,
                    maximumMessageSize: settings.maximumMessageSize, timeout: settings.openTimeout,
                    onMessage: { message in Self.deliver(message, to: inbox) },
                    onClose: { reason in
                        inbox.fail(WebSocketExecutorError("The connection to \(url) ended: \(reason)."))
                    })
                connection.withLock { $0 = opened }
            } catch let error as WebSocketClientError where error == .webSocketUpgradeFailed {
                throw WebSocketExecutorError(
                    "The worker service at \(url) refused the WebSocket handshake. A refusal is most often its "
                        + "security: check executor_config.security (the service logs the reason).")
            }
        }

        /// Queues the events in one message; a message that is not events becomes a `log` frame.
        private static func deliver(_ message: [UInt8], to inbox: FrameInbox) {
            do {
                for event in try NetworkEvents.decode(message) { inbox.push(event) }
            } catch {
                inbox.push(.log(message: "Skipped a message from the WebSocket worker service: \(error)"))
            }
        }

        func send(_ frame: WoveFrame) async throws {
            switch frame {
            case .runTask, .cancelTask, .shutdown: try await started().send(try frame.serialized())
            default: throw WebSocketExecutorError("Unsupported frame type: \(frame.type)")
            }
        }

        func recv() async throws -> WoveFrame {
            _ = try started()
            return try await inbox.next()
        }

        private func started() throws -> WebSocketConnection {
            guard let connection = connection.withLock({ $0 }) else {
                throw WebSocketExecutorError("websocket executor is not started.")
            }
            return connection
        }

        /// Closes the connection and ends ``recv()``.
        func stop() async throws {
            let connection = connection.withLock { state in
                defer { state = nil }
                return state
            }
            await connection?.close()
            inbox.fail(WebSocketExecutorError("websocket executor is stopped."))
        }
    }
#endif
