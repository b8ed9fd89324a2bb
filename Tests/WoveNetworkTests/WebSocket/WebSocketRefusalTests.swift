#if WebSocket
    import AsyncHTTPClient
    import Foundation
    import Testing
    import WoveDSL
    import WoveNetwork
    import WoveRuntime
    import WoveWebSocket

    /// Handshakes a WebSocket worker service must refuse before upgrading, made by hand over a
    /// real connection, and through the executor.
    @Suite("WebSocket worker service refusals", .serialized)
    struct WebSocketRefusalTests {
        static let secret = Array("refusal-secret".utf8)

        /// GETs the service's path (as plain HTTP) with `headers`; returns the status and the JSON error.
        private func handshake(_ url: URL, headers: [(String, String)]) async throws -> (
            status: Int, error: String?
        ) {
            let http = url.absoluteString.replacingOccurrences(of: "ws://", with: "http://")
            var request = HTTPClientRequest(url: http)
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            let error = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])?[
                "error"]
            return (Int(response.status.code), error)
        }

        @Test("tampered, wrong-key, expired, replayed and unsigned handshakes are refused with their reasons")
        func signedRefusals() async throws {
            let service = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "k")
            try await withService(.webSocket, RemoteTasks(probe: ServiceProbe()), security: service) {
                url, _ in
                let client = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "k")
                let tampered = try await handshake(
                    url, headers: client.headers(transport: .websocket, target: "/elsewhere", body: []))
                #expect(
                    tampered.status == 403 && tampered.error == "Invalid Wove network executor signature.")
                let signed = client.headers(transport: .websocket, target: "/ws", body: [])
                let first = try await handshake(url, headers: signed)
                #expect(first.status == 400 && first.error == "Expected a WebSocket handshake.", "\(first)")
                let replayed = try await handshake(url, headers: signed)
                #expect(
                    replayed.status == 403 && replayed.error == "Replayed Wove network executor signature.")
                let stranger = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "other")
                let wrongKey = try await handshake(
                    url, headers: stranger.headers(transport: .websocket, target: "/ws", body: []))
                #expect(wrongKey.status == 403 && wrongKey.error == "Invalid Wove network executor key.")
                let past = try NetworkExecutorSecurity(
                    mode: .signed, secret: Self.secret, key: "k", now: { Date().timeIntervalSince1970 - 3600 }
                )
                let expired = try await handshake(
                    url, headers: past.headers(transport: .websocket, target: "/ws", body: []))
                #expect(expired.status == 403 && expired.error == "Expired Wove network executor signature.")
                let unsigned = try await handshake(url, headers: [])
                #expect(
                    unsigned.status == 401
                        && unsigned.error == "Missing Wove network executor signature headers.")

                // Through the executor: a refused handshake fails the task, naming the refusal, and
                // a signed one runs it.
                let failed = try await Wove.withConfiguration(
                    remote(.webSocket(url: url, security: stranger))
                ) {
                    try await weave(["value": 21], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                let error = try #require(failed.errors["double"])
                #expect("\(error)".contains("refused the WebSocket handshake"), "\(error)")
                let result = try await Wove.withConfiguration(remote(.webSocket(url: url, security: client)))
                {
                    try await weave(["value": 21]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 42)
            }
        }

        @Test("a wrong or missing bearer token is refused; the right one runs the task")
        func bearerRefusals() async throws {
            let service = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
            try await withService(.webSocket, RemoteTasks(probe: ServiceProbe()), security: service) {
                url, _ in
                let wrong = try await handshake(url, headers: [("Authorization", "Bearer guess")])
                #expect(wrong.status == 403 && wrong.error == "Invalid Wove network executor bearer token.")
                let guess = try NetworkExecutorSecurity(mode: .bearer, token: "guess")
                let failed = try await Wove.withConfiguration(remote(.webSocket(url: url, security: guess))) {
                    try await weave(["value": 4], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(failed.errors["double"] != nil)
                let right = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
                let result = try await Wove.withConfiguration(remote(.webSocket(url: url, security: right))) {
                    try await weave(["value": 4]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 8)
            }
        }
    }

    @Suite("WebSocket executor configuration")
    struct WebSocketConfigurationTests {
        @Test(
            "executor_config is checked with Python wove's messages",
            arguments: [
                ([:], "executor_config.url must be a non-empty ws:// or wss:// URL."),
                (["url": ""], "executor_config.url must be a non-empty ws:// or wss:// URL."),
                (["url": "http://host/ws"], "executor_config.url must be a ws:// or wss:// URL."),
                (["url": "ws://"], "executor_config.url must be a ws:// or wss:// URL."),
                (["url": "ws://h/ws", "headers": [1]], "executor_config.headers must be a dictionary."),
                (
                    ["url": "ws://h/ws", "open_timeout": 0],
                    "executor_config.open_timeout must be a positive number of seconds."
                ),
                (["url": "ws://h/ws", "insecure": "yes"], "executor_config.insecure must be true or false."),
                (
                    ["url": "ws://h/ws", "max_message_bytes": 10],
                    "executor_config.max_message_bytes must be a whole number, at least 1024."
                ),
                (["url": "ws://h/ws", "timeout": 1], "timeout is not a setting of the websocket executor."),
                (
                    ["url": "ws://h/ws", "security": "signed"],
                    "executor_config.security string must be 'none' or 'env:VARIABLE'."
                ),
            ] as [([String: JSONValue], String)])
        func validation(config: [String: JSONValue], message: String) throws {
            ExecutorProvider.registerWebSocketExecutors()
            let error = try #require(throws: WeaveError.self) {
                try ExecutorProvider.named("websocket", configuration: config, at: "environments.remote")
            }
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.hasPrefix("environments.remote.executor_config"), "\(error.message)")
        }

        @Test(
            "ws:// or no security to another machine is refused at start, naming the environment and the fix")
        func securityGate() async throws {
            for (url, expected) in [
                ("ws://workers.example:9/ws", "websocket executor uses an insecure network transport"),
                ("wss://workers.example:9/ws", "websocket executor requires executor_config.security"),
            ] {
                let result = try await Wove.withConfiguration(
                    remote(.webSocket(url: try #require(URL(string: url))))
                ) {
                    try await weave(["value": 1], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                let error = try #require(result.errors["double"])
                #expect("\(error)".contains(expected) && "\(error)".contains("'remote'"), "\(error)")
            }
        }
    }
#endif
