#if HTTP || WebSocket || GRPC
    import Foundation
    import Testing
    import WoveRuntime

    @testable import WoveNetwork

    @Suite("Network executor security")
    struct NetworkSecurityTests {
        static let secret = Array("s3cr3t-key-material".utf8)
        static let body = Array(#"{"type":"run_task","run_id":"r1","task_id":"t1"}"#.utf8)

        private func signed(now: Double = 1_700_000_000.75, remember: Bool = true, limit: Int = 100_000)
            throws
            -> NetworkExecutorSecurity
        {
            try NetworkExecutorSecurity(
                mode: .signed, secret: Self.secret, key: "worker-a", remembersNonces: remember,
                maximumRememberedNonces: limit, now: { now })
        }

        @Test(
            "signatures match Python wove 2.0.3's known answers, byte for byte",
            arguments: [
                (
                    NetworkTransport.http, "/wove", true,
                    "v1=5d5b6a8e003a43fcc87199114097b8fa0826ddb40be0273c546d6cc54106e04d"
                ),
                (
                    .grpc, "/wove.network_executor.WorkerService/Send", true,
                    "v1=ec038f61ae4645b5725fb91e67477b9daa05b82866eda45ece1a2cba84c63cb3"
                ),
                (
                    .websocket, "/ws?x=1", false,
                    "v1=100fe99026b2724bee2239a85de9eb2311b79d8bc56145e97bac897d93aff811"
                ),
            ])
        func knownAnswers(transport: NetworkTransport, target: String, withBody: Bool, expected: String)
            throws
        {
            let security = try signed()
            let body = withBody ? Self.body : []
            #expect(
                security.sign(
                    transport: transport, target: target, timestamp: "1700000000",
                    nonce: "AAECAwQFBgcICQoLDA0ODxAR",
                    body: body) == expected)
            let headers: [(String, String)] = [
                ("x-wove-key", "worker-a"), ("X-Wove-Timestamp", "1700000000"),
                ("x-wove-nonce", "AAECAwQFBgcICQoLDA0ODxAR"),
                ("X-WOVE-SIGNATURE", expected),
            ]
            try security.verify(headers: headers, transport: transport, target: target, body: body)
        }

        @Test("the body's hash is SHA-256 in hex, and the canonical string is exactly six lines")
        func canonicalString() throws {
            let canonical = NetworkExecutorSecurity.canonical(
                transport: .http, target: "/wove", timestamp: "1", nonce: "n", body: Self.body)
            #expect(
                canonical
                    == "wove-v1\nhttp\n/wove\n1\nn\n792b1adb2364b7d8efd667c994d908c1203f3bdc918671b1d5caca0a9bcbd26c"
            )
            #expect(
                NetworkEndpoint.target(
                    of: try #require(URL(string: "https://workers.internal/wove/tasks?x=1")))
                    == "/wove/tasks?x=1")
            #expect(NetworkEndpoint.target(of: try #require(URL(string: "https://workers.internal"))) == "/")
        }

        @Test("signed headers verify once; every tampering is refused with its exact reason, in order")
        func verificationOrder() throws {
            let signer = try signed()
            let headers = signer.headers(transport: .http, target: "/wove", body: Self.body)
            #expect(
                headers.map(\.0) == ["X-Wove-Key", "X-Wove-Timestamp", "X-Wove-Nonce", "X-Wove-Signature"])
            let nonce = try #require(headers.first { $0.0 == "X-Wove-Nonce" }?.1)
            #expect(nonce.count == 24 && !nonce.contains("+") && !nonce.contains("/"))
            func refusal(
                _ verifier: NetworkExecutorSecurity, _ headers: [(String, String)], body: [UInt8] = Self.body
            )
                -> String?
            {
                do {
                    try verifier.verify(headers: headers, transport: .http, target: "/wove", body: body)
                    return nil
                } catch { return error.description }
            }
            func replacing(_ name: String, with value: String?) -> [(String, String)] {
                headers.compactMap { $0.0 == name ? value.map { v in (name, v) } : $0 }
            }
            let verifier = try signed()
            #expect(
                refusal(verifier, replacing("X-Wove-Nonce", with: nil))
                    == "Missing Wove network executor signature headers.")
            #expect(
                refusal(verifier, replacing("X-Wove-Key", with: "other"))
                    == "Invalid Wove network executor key.")
            #expect(
                refusal(verifier, replacing("X-Wove-Timestamp", with: "soon"))
                    == "Invalid Wove network executor timestamp.")
            #expect(
                refusal(verifier, replacing("X-Wove-Timestamp", with: "0"))
                    == "Expired Wove network executor signature.")
            #expect(
                refusal(verifier, replacing("X-Wove-Signature", with: "v1=wrong"))
                    == "Invalid Wove network executor signature.")
            #expect(
                refusal(verifier, headers, body: Self.body + [32])
                    == "Invalid Wove network executor signature.")
            #expect(
                refusal(try signed(now: 1_700_000_400), headers) == "Expired Wove network executor signature."
            )
            #expect(refusal(verifier, headers) == nil, "the untampered request still verifies")
            #expect(refusal(verifier, headers) == "Replayed Wove network executor signature.")
            let forgetful = try signed(remember: false)
            #expect(refusal(forgetful, headers) == nil && refusal(forgetful, headers) == nil)
        }

        @Test("the nonce memory is bounded: past its limit requests are refused, and old nonces are pruned")
        func nonceMemoryIsBounded() throws {
            let clock = LockedValue(1_700_000_000.0)
            let verifier = try NetworkExecutorSecurity(
                mode: .signed, secret: Self.secret, key: "k", clockSkew: .seconds(10),
                maximumRememberedNonces: 2,
                now: { clock.withLock { $0 } })
            func request() throws(NetworkSecurityError) {
                try verifier.verify(
                    headers: verifier.headers(transport: .http, target: "/", body: []), transport: .http,
                    target: "/",
                    body: [])
            }
            try request()
            try request()
            #expect(throws: NetworkSecurityError(.tooManyNonces)) { try request() }
            clock.withLock { $0 += 11 }
            try request()
        }

        @Test("bearer tokens: the right one passes, a wrong or missing one is refused")
        func bearer() throws {
            let security = try NetworkExecutorSecurity(mode: .bearer, token: "tok")
            #expect(security.headers(transport: .http, target: "/", body: []).first?.1 == "Bearer tok")
            #expect(security.metadata(transport: .grpc, target: "/", body: []).first?.0 == "authorization")
            try security.verify(
                headers: [("authorization", "Bearer tok")], transport: .http, target: "/", body: [])
            for headers in [[("Authorization", "Bearer nope")], []] {
                #expect(throws: NetworkSecurityError(.invalidBearerToken)) {
                    try security.verify(headers: headers, transport: .http, target: "/", body: [])
                }
            }
        }

        @Test(
            "configuration forms and their messages",
            arguments: [
                (
                    JSONValue.string("env:"),
                    "network executor security env reference must name an environment variable."
                ),
                (
                    .string("env:WOVE_TEST_UNSET"),
                    "network executor security secret environment variable 'WOVE_TEST_UNSET' is not set."
                ),
                (.string("signed"), "executor_config.security string must be 'none' or 'env:VARIABLE'."),
                (.integer(3), "executor_config.security must be a dictionary, 'env:VARIABLE', or 'none'."),
                (
                    .object(["type": "hmac"]),
                    "executor_config.security.type must be one of: 'signed', 'bearer', 'none'."
                ),
                (.object(["type": "signed"]), "signed network executor security requires a secret."),
                (.object(["type": "bearer"]), "bearer network executor security requires a token."),
                (
                    .object(["type": "bearer", "token_env": "WOVE_TEST_UNSET"]),
                    "network executor bearer token environment variable 'WOVE_TEST_UNSET' is not set."
                ),
            ])
        func configurationErrors(value: JSONValue, message: String) throws {
            let error = try #require(throws: WeaveError.self) {
                try NetworkExecutorSecurity(
                    configuration: value, environment: [:], at: "environments.x.executor_config")
            }
            #expect(error.message == "environments.x.executor_config.security: \(message)")
        }

        @Test("configuration forms that are valid")
        func configurationForms() throws {
            let environment = ["WOVE_SECRET": "s", "WOVE_TOKEN": "t"]
            #expect(try NetworkExecutorSecurity(configuration: nil, environment: environment).mode == .none)
            #expect(
                try NetworkExecutorSecurity(configuration: "none", environment: environment).mode == .none)
            #expect(
                try NetworkExecutorSecurity(configuration: "env:WOVE_SECRET", environment: environment).mode
                    == .signed)
            let object = try NetworkExecutorSecurity(
                configuration: [
                    "secret_env": "WOVE_SECRET", "key": "a", "clock_skew_seconds": 30,
                    "remember_nonces": false,
                ],
                environment: environment)
            #expect(
                object.mode == .signed && object.key == "a" && object.clockSkew == .seconds(30)
                    && !object.remembersNonces)
            let bearer = try NetworkExecutorSecurity(
                configuration: ["type": "bearer", "token_env": "WOVE_TOKEN"], environment: environment)
            #expect(bearer.mode == .bearer)
        }

        @Test("the security gate refuses plain text and no security to other machines, unless insecure")
        func gate() throws {
            let none = NetworkExecutorSecurity.none()
            let signed = try signed()
            let plain = try #require(throws: WeaveError.self) {
                try NetworkEndpoint.checkSecurity(
                    executor: "http", environment: "remote", host: "workers.internal", usesTLS: false,
                    security: signed,
                    insecure: false)
            }
            #expect(
                plain.message.contains(
                    "Environment 'remote': http executor uses an insecure network transport"))
            let unsigned = try #require(throws: WeaveError.self) {
                try NetworkEndpoint.checkSecurity(
                    executor: "https", environment: "remote", host: "workers.internal", usesTLS: true,
                    security: none,
                    insecure: false)
            }
            #expect(
                unsigned.message.contains(
                    "https executor requires executor_config.security for non-local endpoints"))
            for host in ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"] {
                try NetworkEndpoint.checkSecurity(
                    executor: "http", environment: "e", host: host, usesTLS: false, security: none,
                    insecure: false)
            }
            try NetworkEndpoint.checkSecurity(
                executor: "http", environment: "e", host: "workers.internal", usesTLS: false, security: none,
                insecure: true)
        }
    }
#endif
