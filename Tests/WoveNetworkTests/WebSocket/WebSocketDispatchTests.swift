#if WebSocket
    import Foundation
    import Testing
    import WoveDSL
    import WoveNetwork
    import WoveRuntime
    import WoveWebSocket

    @Suite("WebSocket dispatch to a real worker service", .serialized)
    struct WebSocketDispatchTests {
        @Test("messages larger than a WebSocket frame go both ways, fragmented")
        func largeMessages() async throws {
            try await withService(.webSocket, RemoteTasks(probe: ServiceProbe())) { url, _ in
                let text = String(repeating: "wove ", count: 40_000)
                let result = try await Wove.withConfiguration(remote(.webSocket(url: url))) {
                    try await weave(["text": text]) {
                        Task("echo", after: "text") { (text: String) in text.count }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 200_000)
            }
        }

        @Test("a message above the service's limit ends the connection: the task fails, nothing hangs")
        func oversizedMessage() async throws {
            try await withService(.webSocket, RemoteTasks(probe: ServiceProbe()), maximumMessageSize: 4096) {
                url, _ in
                let result = try await Wove.withConfiguration(remote(.webSocket(url: url))) {
                    try await weave(
                        ["text": String(repeating: "x", count: 20_000)], options: .errorMode(.return)
                    ) {
                        Task("echo", after: "text") { (text: String) in text.count }.environment("remote")
                    }
                }
                let error = try #require(result.errors["echo"] as? EnvironmentExecutionError)
                #expect(error.payload.source == .transport, "\(error)")
            }
        }

        @Test("WSS with a certificate made at test time, the client trusting only that root")
        func secureWebSocket() async throws {
            let certificate = try TestCertificate()
            let tls = ServerTLSIdentity(
                certificateChainPEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
            try await withService(.webSocket, RemoteTasks(probe: ServiceProbe()), tls: tls) { url, _ in
                #expect(url.scheme == "wss")
                let result = try await Wove.withConfiguration(
                    remote(.webSocket(url: url, trustRootsPEM: certificate.certificatePEM))
                ) {
                    try await weave(["value": 5]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 10)
                // Trusting the system's roots instead, the handshake fails: the task fails, it does not hang.
                let untrusted = try await Wove.withConfiguration(
                    remote(.webSocket(url: url, openTimeout: .seconds(2)))
                ) {
                    try await weave(["value": 5], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(untrusted.errors["double"] != nil)
            }
        }

    }
#endif
