#if WebSocket
    import HTTPTypes
    import Logging
    import NIOCore
    import NIOSSL
    import WSClient
    import WoveRuntime

    /// One open WebSocket connection to a worker service, bridged to `send` and a message
    /// callback: WSClient's connection lives inside its handler closure, which a background task
    /// keeps running while it reads; each `send` writes through that closure's writer from its own
    /// task, taking turns, so fragments of two messages never interleave.
    final class WebSocketConnection: Sendable {
        private let writer = LockedValue<WebSocketOutboundWriter?>(nil)
        private let turns = WriteTurns()
        private let connection = LockedValue<Task<Void, Never>?>(nil)

        private init() {}

        /// Opens a connection to `url`, within `timeout`.
        ///
        /// - Parameters:
        ///   - onMessage: Called with each message the service sends, in order.
        ///   - onClose: Called once when the connection ends, with the reason.
        /// - Throws: The handshake's failure (a refused one is `WebSocketClientError.webSocketUpgradeFailed`),
        ///   or ``WebSocketExecutorError`` when the connection did not open within `timeout`.
        static func open(
            url: String,
            headers: [(String, String)],
            tls: TLSConfiguration?,
            maximumMessageSize: Int,
            timeout: Duration,
            onMessage: @escaping @Sendable ([UInt8]) -> Void,
            onClose: @escaping @Sendable (any Error) -> Void
        ) async throws -> WebSocketConnection {
            var fields = HTTPFields()
            for (name, value) in headers {
                guard let field = HTTPField.Name(name) else {
                    throw WebSocketExecutorError("'\(name)' is not a valid header name.")
                }
                fields.append(HTTPField(name: field, value: value))
            }
            var configuration = WebSocketClientConfiguration(
                maxFrameSize: maximumMessageSize, additionalHeaders: fields, closeTimeout: .seconds(1))
            // wss:// to an IP address cannot use it for SNI; the test certificates name localhost.
            configuration.sniHostname = tls == nil ? nil : "localhost"
            let connection = WebSocketConnection()
            let opened = OneShotResult<Void>()
            let task = Task { [writer = connection.writer] in
                do {
                    try await WebSocketClient.connect(
                        url: url, configuration: configuration, tlsConfiguration: tls,
                        logger: Logger(label: "wove.websocket-executor")
                    ) { inbound, outbound, _ in
                        writer.withLock { $0 = outbound }
                        opened.resolve(.success(()))
                        var iterator = inbound.messages(maxSize: maximumMessageSize).makeAsyncIterator()
                        while let message = try await iterator.next() {
                            onMessage(WebSocketMessages.bytes(of: message))
                        }
                    }
                    throw WebSocketExecutorError("The worker service closed the connection.")
                } catch {
                    writer.withLock { $0 = nil }
                    opened.resolve(.failure(error))
                    onClose(error)
                }
            }
            connection.connection.withLock { $0 = task }
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await opened.value }
                    group.addTask {
                        try await Task.sleep(for: timeout)
                        throw WebSocketExecutorError(
                            "The connection to \(url) did not open within \(timeout).")
                    }
                    defer { group.cancelAll() }
                    try await group.next()
                }
            } catch {
                task.cancel()
                await task.value
                throw error
            }
            return connection
        }

        /// Sends `bytes` as one text message; returns once it is written.
        func send(_ bytes: [UInt8]) async throws {
            await turns.begin()
            defer { turns.end() }
            guard let outbound = writer.withLock({ $0 }) else {
                throw WebSocketExecutorError("The connection is closed.")
            }
            try await WebSocketMessages.write(bytes, to: outbound)
        }

        /// Closes the connection and waits for it to end.
        func close() async {
            let task = connection.withLock { $0 }
            task?.cancel()
            await task?.value
        }
    }

    /// A WebSocket connection that failed or was misused.
    struct WebSocketExecutorError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
