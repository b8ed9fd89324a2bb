#if GRPC
    import Foundation
    import GRPCCore
    import GRPCNIOTransportHTTP2
    import Testing
    import WoveDSL
    import WoveGRPC
    import WoveNetwork
    import WoveRuntime

    /// Calls a gRPC worker service by hand, with the metadata given: the answer, or the refusal.
    func rawCall(port: Int, metadata: [(String, String)], body: [UInt8]) async throws -> Result<
        [UInt8], RPCError
    > {
        let client = GRPCClient(
            transport: try HTTP2ClientTransport.Posix(
                target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await client.runConnections() }
            defer { client.beginGracefulShutdown() }
            var fields = Metadata()
            for (name, value) in metadata { fields.addString(value, forKey: name.lowercased()) }
            do {
                let answer = try await client.unary(
                    request: ClientRequest(message: body, metadata: fields),
                    descriptor: MethodDescriptor(
                        fullyQualifiedService: "wove.network_executor.WorkerService", method: "Send"),
                    serializer: IdentityBytes(), deserializer: IdentityBytes(), options: .defaults
                ) { response in try response.message }
                return .success(answer)
            } catch let error as RPCError {
                return .failure(error)
            }
        }
    }

    /// The test's own identity serializer.
    struct IdentityBytes: MessageSerializer, MessageDeserializer {
        func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
        func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> [UInt8] {
            bytes.withUnsafeBytes { Array($0) }
        }
    }

    @Suite("gRPC worker service", .serialized)
    struct GRPCServiceTests {
        static let secret = Array("refusal-secret".utf8)
        static let method = "/wove.network_executor.WorkerService/Send"
        static let body = Array(
            #"{"type":"run_task","run_id":"double:1","task_id":"double","args":{"value":1},"delivery":{}}"#
                .utf8)

        @Test("tampered, wrong-key, expired, replayed and unsigned calls are refused with their reasons")
        func signedRefusals() async throws {
            let service = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "k")
            try await withService(.grpc, RemoteTasks(probe: ServiceProbe()), security: service) { url, _ in
                let port = try #require(url.port)
                let client = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "k")
                let signed = client.headers(transport: .grpc, target: Self.method, body: Self.body)
                func refusal(_ result: Result<[UInt8], RPCError>) -> (RPCError.Code, String)? {
                    guard case .failure(let error) = result else { return nil }
                    return (error.code, error.message)
                }
                let tampered = try await rawCall(
                    port: port, metadata: signed, body: Self.body + Array(" ".utf8))
                #expect(refusal(tampered)?.0 == .permissionDenied)
                #expect(refusal(tampered)?.1 == "Invalid Wove network executor signature.")
                let accepted = try await rawCall(port: port, metadata: signed, body: Self.body)
                #expect(refusal(accepted) == nil)
                let replayed = try await rawCall(port: port, metadata: signed, body: Self.body)
                #expect(refusal(replayed)?.1 == "Replayed Wove network executor signature.")
                let stranger = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "other")
                let wrongKey = try await rawCall(
                    port: port,
                    metadata: stranger.headers(transport: .grpc, target: Self.method, body: Self.body),
                    body: Self.body)
                #expect(refusal(wrongKey)?.1 == "Invalid Wove network executor key.")
                let past = try NetworkExecutorSecurity(
                    mode: .signed, secret: Self.secret, key: "k", now: { Date().timeIntervalSince1970 - 3600 }
                )
                let expired = try await rawCall(
                    port: port,
                    metadata: past.headers(transport: .grpc, target: Self.method, body: Self.body),
                    body: Self.body)
                #expect(refusal(expired)?.1 == "Expired Wove network executor signature.")
                let unsigned = try await rawCall(port: port, metadata: [], body: Self.body)
                #expect(refusal(unsigned)?.0 == .unauthenticated)
                #expect(refusal(unsigned)?.1 == "Missing Wove network executor signature headers.")
                // Through the executor: a refusal fails the task, not retried; a signed call runs it.
                let failed = try await Wove.withConfiguration(
                    remote(.grpc(target: "127.0.0.1:\(port)", security: stranger))
                ) {
                    try await weave(["value": 21], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                            .retries(2)
                    }
                }
                let error = try #require(failed.errors["double"] as? EnvironmentExecutionError)
                #expect(
                    !error.payload.retryable && error.payload.message.contains("permissionDenied"), "\(error)"
                )
                let result = try await Wove.withConfiguration(
                    remote(.grpc(target: "127.0.0.1:\(port)", security: client))
                ) {
                    try await weave(["value": 21]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 42)
            }
        }

        @Test("a wrong bearer token is refused; the right one runs the task")
        func bearer() async throws {
            let service = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
            try await withService(.grpc, RemoteTasks(probe: ServiceProbe()), security: service) { url, _ in
                let port = try #require(url.port)
                let wrong = try await rawCall(
                    port: port, metadata: [("authorization", "Bearer guess")], body: Self.body)
                guard case .failure(let error) = wrong else {
                    Issue.record("a wrong bearer token was accepted")
                    return
                }
                #expect(error.message == "Invalid Wove network executor bearer token.")
                let right = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
                let result = try await Wove.withConfiguration(
                    remote(.grpc(target: "127.0.0.1:\(port)", security: right))
                ) {
                    try await weave(["value": 4]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 8)
            }
        }

        @Test("TLS with a certificate made at test time, the client trusting only that root")
        func secure() async throws {
            let certificate = try TestCertificate()
            let tls = ServerTLSIdentity(
                certificateChainPEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
            try await withService(.grpc, RemoteTasks(probe: ServiceProbe()), tls: tls) { url, _ in
                let target = "localhost:\(try #require(url.port))"
                let result = try await Wove.withConfiguration(
                    remote(.grpc(target: target, secure: true, trustRootsPEM: certificate.certificatePEM))
                ) {
                    try await weave(["value": 5]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 10)
                let untrusted = try await Wove.withConfiguration(
                    remote(.grpc(target: target, timeout: .seconds(2), secure: true))
                ) {
                    try await weave(["value": 5], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(
                    (untrusted.errors["double"] as? EnvironmentExecutionError)?.payload.source == .transport)
            }
        }

        @Test("a message above the service's limit is refused; the task fails, nothing hangs")
        func oversized() async throws {
            try await withService(.grpc, RemoteTasks(probe: ServiceProbe()), maximumMessageSize: 1024) {
                url, _ in
                let result = try await Wove.withConfiguration(
                    remote(.grpc(target: "127.0.0.1:\(try #require(url.port))"))
                ) {
                    try await weave(
                        ["text": String(repeating: "x", count: 8192)], options: .errorMode(.return)
                    ) {
                        Task("echo", after: "text") { (text: String) in text.count }.environment("remote")
                    }
                }
                let error = try #require(result.errors["echo"] as? EnvironmentExecutionError)
                #expect(error.payload.source == .transport, "\(error)")
            }
        }
    }

    @Suite("gRPC executor configuration")
    struct GRPCConfigurationTests {
        @Test(
            "executor_config is checked with Python wove's messages",
            arguments: [
                ([:], "executor_config.target must be a non-empty gRPC target."),
                (["target": ""], "executor_config.target must be a non-empty gRPC target."),
                (
                    ["target": "h:1", "method": "Send"],
                    "executor_config.method must be a fully-qualified gRPC method path."
                ),
                (
                    ["target": "h:1", "metadata": 3],
                    "executor_config.metadata must be a dictionary or sequence of pairs."
                ),
                (
                    ["target": "h:1", "metadata": [["only-name"]]],
                    "executor_config.metadata must be a dictionary or sequence of pairs."
                ),
                (["target": "h:1", "secure": "yes"], "executor_config.secure must be true or false."),
                (
                    ["target": "h:1", "timeout": 0],
                    "executor_config.timeout must be a positive number of seconds."
                ),
                (["target": "h:1", "url": "x"], "url is not a setting of the grpc executor."),
            ] as [([String: JSONValue], String)])
        func validation(config: [String: JSONValue], message: String) throws {
            ExecutorProvider.registerGRPCExecutors()
            let error = try #require(throws: WeaveError.self) {
                try ExecutorProvider.named("grpc", configuration: config, at: "environments.remote")
            }
            #expect(error.message.contains(message), "\(error.message)")
        }

        @Test(
            "targets: local forms are local, others are refused without TLS and security",
            arguments: [
                ("localhost:9000", true), ("dns:///localhost:9000", true), ("ipv4:127.0.0.1:9000", true),
                ("[::1]:9000", true), ("unix:/tmp/wove.sock", true), ("workers:9000", false),
                ("dns:///workers.example:9000", false),
            ])
        func targets(target: String, local: Bool) async throws {
            let result = try await Wove.withConfiguration(remote(.grpc(target: target, timeout: .seconds(1))))
            {
                try await weave(["value": 1], options: .errorMode(.return)) {
                    Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                }
            }
            let error = try #require(result.errors["double"])
            let refused = "\(error)".contains("grpc executor uses an insecure network transport")
            #expect(refused != local, "\(target): \(error)")
        }
    }
#endif
