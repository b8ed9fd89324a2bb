#if HTTP || WebSocket || GRPC
    import Foundation
    import Testing
    import WoveDSL
    import WoveNetwork
    import WoveRuntime

    /// Notes whether the service's run was still going when its start was reported.
    final class StartWatcher: WeaveObserver {
        private let probe: ServiceProbe
        private let seen = LockedValue<Bool?>(nil)

        init(probe: ServiceProbe) { self.probe = probe }

        func observe(_ event: WeaveEvent) {
            guard event.kind == .remoteRunStarted else { return }
            let running = !probe.all.contains("slow finished")
            seen.withLock { $0 = $0 ?? running }
        }

        /// `nil` until the start was reported.
        var startedWhileRunning: Bool? { seen.withLock { $0 } }
    }

    /// What every network transport must do the same way, each against a real worker service.
    @Suite("Dispatch to a real worker service, over every network transport", .serialized)
    struct NetworkDispatchTests {
        @Test(
            "a mixed weave whose remote task runs in the service equals a local run", arguments: Transport.all
        )
        func mixedWeave(transport: Transport) async throws {
            try await withService(transport, RemoteTasks(probe: ServiceProbe())) { url, _ in
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
                let remoteResult = try await Wove.withConfiguration(remote(transport.executor(url, .none())))
                {
                    try await weave(["seed": 4]) { graph(remote: true) }
                }
                let local = try await weave(["seed": 4]) { graph(remote: false) }
                #expect(try remoteResult.value("profile", as: Profile.self) == Profile(id: 5, score: 50))
                #expect(try remoteResult.final(as: String.self) == local.final(as: String.self))
            }
        }

        @Test(
            "a mapped remote task runs every item in the service and keeps input order",
            arguments: Transport.all)
        func mappedRemote(transport: Transport) async throws {
            try await withService(transport, RemoteTasks(probe: ServiceProbe())) { url, _ in
                let result = try await Wove.withConfiguration(remote(transport.executor(url, .none()))) {
                    try await weave(["values": Array(0..<200)]) {
                        Task("plus_one", mapping: "values") { (value: Int) in value + 1 }.environment(
                            "remote")
                    }
                }
                #expect(try result.final(as: [Int].self) == Array(1...200))
            }
        }

        @Test(
            "the service stopped mid-run: a transport error, no hang, local tasks keep their values",
            arguments: Transport.all)
        func serviceStoppedMidRun(transport: Transport) async throws {
            let probe = ServiceProbe()
            try await withService(transport, RemoteTasks(probe: probe)) { url, stop in
                let clock = ContinuousClock()
                let start = clock.now
                let result = try await Wove.withConfiguration(remote(transport.executor(url, .none()))) {
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
                // The service cancels the run once it sees the connection go (WebSocket) or its
                // grace period end: not necessarily before the caller has its error.
                try await probe.wait(for: "slow cancelled")
            }
        }

        @Test(
            "a delivery timeout cancels the run in the service; heartbeats keep a long run alive where events stream",
            arguments: Transport.all)
        func delivery(transport: Transport) async throws {
            let probe = ServiceProbe()
            try await withService(transport, RemoteTasks(probe: probe)) { url, _ in
                let timedOut = try await Wove.withConfiguration(remote(transport.executor(url, .none()))) {
                    try await weave(["ms": 5_000], options: .errorMode(.return)) {
                        Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                            "remote"
                        )
                        .delivery(timeout: .milliseconds(300))
                    }
                }
                #expect(timedOut.errors["slow"] is DeliveryTimeoutError)
                try await probe.wait(for: "slow cancelled")
                guard transport.streamsEvents else { return }
                let alive = try await Wove.withConfiguration(remote(transport.executor(url, .none()))) {
                    try await weave(["ms": 2_500]) {
                        Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                            "remote"
                        )
                        .delivery(heartbeat: .seconds(1))
                    }
                }
                #expect(try alive.final(as: Int.self) == 2_500, "heartbeats arrived while the run went on")
            }
        }

        @Test(
            "a run that waits is reported started while it runs, where events stream",
            arguments: Transport.all.filter(\.streamsEvents))
        func startedWhileRunning(transport: Transport) async throws {
            let probe = ServiceProbe()
            try await withService(transport, RemoteTasks(probe: probe)) { url, _ in
                let watcher = StartWatcher(probe: probe)
                let result = try await Wove.withConfiguration(remote(transport.executor(url, .none()))) {
                    // A heartbeat (which HTTP needs to stream) slower than the run: its first beat, at
                    // half the interval, would come after the run's end.
                    try await weave(["ms": 1_500], options: .observer(watcher)) {
                        Task("slow", after: "ms") { (ms: Int) async throws -> Int in ms }.environment(
                            "remote"
                        )
                        .delivery(heartbeat: .seconds(4))
                    }
                }
                #expect(try result.final(as: Int.self) == 1_500)
                #expect(watcher.startedWhileRunning == true, "\(probe.all)")
            }
        }

        @Test("cancelling the weave cancels the run in the service", arguments: Transport.all)
        func cancellationReachesService(transport: Transport) async throws {
            let probe = ServiceProbe()
            try await withService(transport, RemoteTasks(probe: probe)) { url, _ in
                let running = Task {
                    try await Wove.withConfiguration(remote(transport.executor(url, .none()))) {
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
    }
#endif
