#if WebSocket
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import WoveNetwork
    import WoveRuntime

    /// Verifies a WebSocket handshake's security headers, signed over an empty body, before the
    /// upgrade; and answers a refused handshake with the reason.
    struct HandshakeGate: Sendable {
        let security: NetworkExecutorSecurity
        let logger: Logger

        /// Why `request` may not upgrade, or `nil` if it may.
        func refusal(of request: Request) -> NetworkSecurityError? {
            guard security.mode != .none else { return nil }
            let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            do {
                try security.verify(
                    headers: request.headers.map { ($0.name.rawName, $0.value) }, transport: .websocket,
                    target: target, body: [])
                return nil
            } catch {
                logger.warning("Refused a WebSocket handshake", metadata: ["reason": "\(error)"])
                return error
            }
        }

        /// The answer to a request that was not upgraded: 401 for missing credentials, 403 for
        /// wrong ones, 400 for a request that is no handshake; a JSON `{"error": …}` says why.
        func response(refusing request: Request) -> Response {
            let (status, message): (HTTPResponse.Status, String) =
                switch refusal(of: request) {
                case let error? where error.isMissingCredentials: (.unauthorized, error.description)
                case let error?: (.forbidden, error.description)
                case nil: (.badRequest, "Expected a WebSocket handshake.")
                }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = WorkerServiceCore.refusalBody(message)
            return Response(
                status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
#endif
