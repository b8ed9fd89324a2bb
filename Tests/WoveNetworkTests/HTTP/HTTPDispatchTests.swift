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
        @Test("a mixed weave whose remote task runs in the service equals a local run")
        func mixedWeave() async throws {
            let tasks = RemoteTasks(probe: ServiceProbe())
            try await withWorkerService(tasks) { url, _ in
                @WeaveBuilder func graph(remote: Bool) -> TaskList {
                    Task("user_id", after: "seed") { (seed: Int) in seed + 1 }
                    if remote {
                        Task("profile", after: "user_id") { (id: Int) in Profile(id: id, score: id * 10) }
                            .environment("remote")
                    } else {
                        Task("profile", after: "user_id") { (id: Int) in Profile(id: id, score: id * 10) }
                    }
                    Task("summary", after: "profile") { (profile: Profile) in "\(profile.id):\(profile.score)"
                    }
                }
                let remoteResult = try await Wove.withConfiguration(remote(.http(url: url))) {
                    try await weave(["seed": 4]) { graph(remote: true) }
                }
                let local = try await weave(["seed": 4]) { graph(remote: false) }
                #expect(try remoteResult.value("profile", as: Profile.self) == Profile(id: 5, score: 50))
                #expect(try remoteResult.final(as: String.self) == local.final(as: String.self))
            }
        }

        @Test("a mapped remote task sends one request per item and keeps input order")
        func mappedRemote() async throws {
            let tasks = RemoteTasks(probe: ServiceProbe())
            try await withWorkerService(tasks) { url, _ in
                let result = try await Wove.withConfiguration(remote(.http(url: url))) {
                    try await weave(["values": Array(0..<20)]) {
                        Task("plus_one", mapping: "values") { (value: Int) in value + 1 }.environment(
                            "remote")
                    }
                }
                #expect(try result.final(as: [Int].self) == Array(1...20))
            }
        }

        @Test("signed requests pass; a wrong key fails the task with the service's reason, not retried")
        func signedAndWrongKey() async throws {
            let tasks = RemoteTasks(probe: ServiceProbe())
            let secret = Array("test-secret".utf8)
            let serviceSecurity = try NetworkExecutorSecurity(mode: .signed, secret: secret, key: "workers")
            try await withWorkerService(tasks, security: serviceSecurity) { url, _ in
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

        @Test("HTTPS with a certificate made at test time, the client trusting only that root")
        func https() async throws {
            let certificate = try TestCertificate()
            let tls = try HTTPWorkerService.tls(
                certificateChainPEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
            let tasks = RemoteTasks(probe: ServiceProbe())
            try await withWorkerService(tasks, tls: tls) { url, _ in
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

        @Test("the worker service stopped mid-run: a transport error, no hang, local tasks keep their values")
        func serviceStoppedMidRun() async throws {
            let probe = ServiceProbe()
            try await withWorkerService(RemoteTasks(probe: probe)) { url, stop in
                let clock = ContinuousClock()
                let start = clock.now
                let result = try await Wove.withConfiguration(remote(.http(url: url))) {
                    try await weave(["ms": 10_000], options: .errorMode(.return)) {
                        Task("local") { 7 }
                        Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                            "remote")
                        Task("stopper") { () async throws -> Int in
                            try await probe.wait(for: "slow started")
                            await stop()
                            return 1
                        }
                    }
                }
                #expect(
                    clock.now - start < .seconds(8), "the one-second grace period ends the run, not its 10 s")
                let error = try #require(result.errors["slow"] as? EnvironmentExecutionError)
                #expect(
                    error.payload.source == .transport || error.payload.kind.contains("Cancel"), "\(error)")
                #expect(try result.value("local", as: Int.self) == 7)
                #expect(probe.all.contains("slow cancelled"))
            }
        }

        @Test("an oversized request is refused with 413 and fails its task without retries")
        func oversizedRequest() async throws {
            let tasks = RemoteTasks(probe: ServiceProbe())
            try await withWorkerService(tasks, maximumRequestSize: 1024) { url, _ in
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

        @Test("a delivery timeout cancels the run in the service; heartbeats keep a long run alive")
        func deliveryOverHTTP() async throws {
            let probe = ServiceProbe()
            try await withWorkerService(RemoteTasks(probe: probe)) { url, _ in
                let timedOut = try await Wove.withConfiguration(remote(.http(url: url))) {
                    try await weave(["ms": 5_000], options: .errorMode(.return)) {
                        Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                            "remote"
                        )
                        .delivery(timeout: .milliseconds(300))
                    }
                }
                #expect(timedOut.errors["slow"] is DeliveryTimeoutError)
                try await probe.wait(for: "slow cancelled")
                let alive = try await Wove.withConfiguration(remote(.http(url: url))) {
                    try await weave(["ms": 2_500]) {
                        Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                            "remote"
                        )
                        .delivery(heartbeat: .seconds(1))
                    }
                }
                #expect(try alive.final(as: Int.self) == 2_500, "heartbeats streamed while the run went on")
            }
        }

        @Test("cancelling the weave cancels the run in the service")
        func cancellationReachesService() async throws {
            let probe = ServiceProbe()
            try await withWorkerService(RemoteTasks(probe: probe)) { url, _ in
                let running = Task {
                    try await Wove.withConfiguration(remote(.http(url: url))) {
                        try await weave(["ms": 10_000]) {
                            Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                                "remote")
                        }
                    }
                }
                try await probe.wait(for: "slow started")
                running.cancel()
                _ = await running.result
                try await probe.wait(for: "slow cancelled")
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
            let during = try await withWorkerService(RemoteTasks(probe: ServiceProbe())) { _, _ in
                (handler(of: SIGTERM), handler(of: SIGINT))
            }
            #expect(during == before, "the service installed a signal handler of its own")
        }
    }
#endif
