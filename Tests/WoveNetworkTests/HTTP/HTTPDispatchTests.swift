#if HTTP
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import Testing
    import WoveDSL
    import WoveHTTP
    import WoveNetwork
    import WoveRuntime

    @Suite("HTTP dispatch to a real worker service", .serialized)
    struct HTTPDispatchTests {
        @Test("signed requests pass; a wrong key fails the task with the service's reason, not retried")
        func signedAndWrongKey() async throws {
            let tasks = RemoteTasks(probe: ServiceProbe())
            let secret = Array("test-secret".utf8)
            let serviceSecurity = try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "workers")
            try await withService(.http, tasks, security: serviceSecurity) { url, _ in
                let good = try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "workers")
                let result = try await Wove.withConfiguration(remote(.http(url: url, security: good))) {
                    try await weave(["value": 21]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 42)
                let wrong = try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "intruder")
                let failed = try await Wove.withConfiguration(remote(.http(url: url, security: wrong))) {
                    try await weave(["value": 21], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                            .retries(3)
                    }
                }
                let error = try #require(failed.errors["double"] as? EnvironmentExecutionError)
                #expect(error.payload.source == .transport && !error.payload.retryable)
                #expect(error.payload.message.contains("403"), "\(error.payload.message)")
                #expect(
                    error.payload.message.contains("Invalid Wove network executor key."),
                    "\(error.payload.message)")
            }
        }

        // The executor reads the answer to a request made while no other is under way on the
        // event loop, and the answers to requests made among others in tasks of their own: a
        // mapped task's first item takes the first way, the items sent while it runs the second.

        @Test("streamed answers, alone and among others, deliver heartbeats and results")
        func streamedAloneAndAmongOthers() async throws {
            try await withService(.http, RemoteTasks(probe: ServiceProbe())) { url, _ in
                let result = try await Wove.withConfiguration(remote(.http(url: url))) {
                    // Beats every two seconds; four seconds of silence fail a run. Runs longer than
                    // that need the beats streamed; the slack is for CI, where the whole suite and
                    // the engines share two cores and a beat has come more than a second late.
                    try await weave(["durations": [5_200, 5_100, 5_000, 4_900]]) {
                        Task("pause", mapping: "durations") { (ms: Int) async throws -> Int in ms }
                            .environment("remote")
                            .delivery(heartbeat: .seconds(4))
                    }
                }
                #expect(try result.final(as: [Int].self) == [5_200, 5_100, 5_000, 4_900])
            }
        }

        @Test("a refusal reads the same, alone and among others")
        func refusedAloneAndAmongOthers() async throws {
            let service = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
            try await withService(.http, RemoteTasks(probe: ServiceProbe()), security: service) { url, _ in
                let wrong = try NetworkExecutorSecurity(mode: .bearer, token: "guess")
                for values in [[1], Array(0..<16)] {
                    let failed = try await Wove.withConfiguration(remote(.http(url: url, security: wrong))) {
                        try await weave(["values": values], options: .errorMode(.return)) {
                            Task("plus_one", mapping: "values") { (value: Int) in value + 1 }
                                .environment("remote")
                        }
                    }
                    let error = try #require(failed.errors["plus_one"] as? EnvironmentExecutionError)
                    #expect(
                        error.payload.message.hasSuffix(
                            "HTTP worker service answered 403 Forbidden: Invalid Wove network executor bearer token."
                        ),
                        "\(error.payload.message)")
                    #expect(error.payload.source == .transport && !error.payload.retryable)
                }
            }
        }

        @Test("HTTPS with a certificate made at test time, the client trusting only that root")
        func https() async throws {
            let certificate = try TestCertificate()
            let tls = ServerTLSIdentity(
                certificateChainPEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
            let tasks = RemoteTasks(probe: ServiceProbe())
            try await withService(.http, tasks, tls: tls) { url, _ in
                #expect(url.scheme == "https")
                let result = try await Wove.withConfiguration(
                    remote(.https(url: url, trustRootsPEM: certificate.certificatePEM))
                ) {
                    try await weave(["value": 5]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 10)
                // Trusting the system's roots instead, the handshake fails: the task fails, it does not hang.
                let untrusted = try await Wove.withConfiguration(
                    remote(.https(url: url, timeout: .seconds(1)))
                ) {
                    try await weave(["value": 5], options: .errorMode(.return)) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(
                    (untrusted.errors["double"] as? EnvironmentExecutionError)?.payload.source == .transport)
            }
        }

        @Test("an oversized request is refused with 413 and fails its task without retries")
        func oversizedRequest() async throws {
            let tasks = RemoteTasks(probe: ServiceProbe())
            try await withService(.http, tasks, maximumMessageSize: 1024) { url, _ in
                let result = try await Wove.withConfiguration(remote(.http(url: url))) {
                    try await weave(
                        ["text": String(repeating: "x", count: 4096)], options: .errorMode(.return)
                    ) {
                        Task("echo", after: "text") { (text: String) in text.count }.environment("remote")
                            .retries(2)
                    }
                }
                let error = try #require(result.errors["echo"] as? EnvironmentExecutionError)
                #expect(error.payload.message.contains("413"), "\(error.payload.message)")
                #expect(!error.payload.retryable)
            }
        }

        @Test("a running worker service leaves SIGTERM and SIGINT to the program's own service group")
        func signalsAreLeftAlone() async throws {
            @Sendable func handler(of signal: Int32) -> Int {
                var action = sigaction()
                sigaction(signal, nil, &action)
                return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
            }
            let before = (handler(of: SIGTERM), handler(of: SIGINT))
            let during = try await withService(.http, RemoteTasks(probe: ServiceProbe())) { _, _ in
                (handler(of: SIGTERM), handler(of: SIGINT))
            }
            #expect(during == before, "the service installed a signal handler of its own")
        }
    }
#endif
