import Foundation
import Testing
import WoveDSL

/// Tasks shared by the weave and the worker, as a shared module would hold them.
struct ScoringTasks: Weave {
    var tasks: some WeaveContent {
        Task("remote_profile", after: "local_input") { (input: Int) in Profile(id: input, score: input * 10) }
        Task("remote_fails", after: "local_input") { (input: Int) throws -> Int in throw Boom(code: input) }
    }
}

struct Profile: Codable, Sendable, Equatable {
    let id: Int
    let score: Int
}

@Suite("Dispatch to a custom executor")
struct DispatchTests {
    private func configuration(_ executor: LoopbackExecutor) -> WoveConfiguration {
        WoveConfiguration(environments: [
            "remote": EnvironmentSettings(
                executor: .shared(executor, configuration: ["region": .string("test")]))
        ])
    }

    private func worker() -> WoveWorker { WoveWorker { ScoringTasks().tasks } }

    @Test("a remote task's result reintegrates with local tasks, equal to a local run")
    func mixedWeave() async throws {
        let executor = LoopbackExecutor(worker: worker())
        @WeaveBuilder func graph(remote: Bool) -> TaskList {
            Task("local_input", after: "seed") { (seed: Int) in seed + 1 }
            if remote {
                Task("remote_profile", after: "local_input") { (input: Int) in
                    Profile(id: input, score: input * 10)
                }
                .environment("remote")
            } else {
                Task("remote_profile", after: "local_input") { (input: Int) in
                    Profile(id: input, score: input * 10)
                }
            }
            Task("response", after: "remote_profile") { (profile: Profile) in "\(profile.id):\(profile.score)"
            }
        }
        let remote = try await Wove.withConfiguration(configuration(executor)) {
            try await weave(["seed": 4]) { graph(remote: true) }
        }
        let local = try await weave(["seed": 4]) { graph(remote: false) }
        #expect(try remote.value("remote_profile", as: Profile.self) == Profile(id: 5, score: 50))
        #expect(try remote.final(as: String.self) == local.final(as: String.self))
        #expect(
            executor.startCalls == [
                .init(environmentName: "remote", environmentConfig: ["region": .string("test")])
            ])
    }

    @Test("makeExecutor gives each of several concurrent weave runs an executor of its own")
    func executorPerRun() async throws {
        let made = Probe()
        let configuration = WoveConfiguration(environments: [
            "remote": EnvironmentSettings(
                executor: .custom {
                    made.record("executor")
                    return LoopbackExecutor(worker: WoveWorker { ScoringTasks().tasks })
                })
        ])
        let results = try await Wove.withConfiguration(configuration) {
            try await withThrowingTaskGroup(of: Profile.self) { group in
                for seed in 0..<4 {
                    group.addTask {
                        try await weave(["local_input": seed]) {
                            Task("remote_profile", after: "local_input") { (input: Int) in
                                Profile(id: input, score: input * 10)
                            }
                            .environment("remote")
                        }
                        .final(as: Profile.self)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(Set(results.map(\.score)) == [0, 10, 20, 30])
        #expect(made.events.count == 4)
        #expect(!EnvironmentSettings(executor: .custom { LoopbackExecutor(worker: WoveWorker {}) }).isLocal)
    }

    @Test("the executor receives the exact run_task frame")
    func exactFrames() async throws {
        let executor = LoopbackExecutor(worker: worker())
        _ = try await Wove.withConfiguration(configuration(executor)) {
            try await weave(["local_input": 5]) {
                Task("remote_profile", after: "local_input") { (input: Int) in
                    Profile(id: input, score: input * 10)
                }
                .environment("remote")
            }
        }
        let frames = executor.sentJSON
        #expect(frames.count == 1)
        let frame = try #require(frames.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "run_task")
        #expect(object["task_id"] as? String == "remote_profile")
        #expect((object["args"] as? [String: Any])?["local_input"] as? Int == 5)
        let runID = try #require(object["run_id"] as? String)
        #expect(runID.hasPrefix("remote_profile:") && runID.count == "remote_profile:".count + 32)
        #expect(runID.dropFirst("remote_profile:".count).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(frame.hasSuffix(#""task_id":"remote_profile","type":"run_task"}"#))
    }

    @Test(
        "a remote error without a local type arrives as EnvironmentExecutionError with the worker's payload")
    func remoteError() async throws {
        let executor = LoopbackExecutor(worker: worker())
        let error = try await #require(throws: EnvironmentExecutionError.self) {
            try await Wove.withConfiguration(configuration(executor)) {
                try await weave(["local_input": 3]) {
                    Task("remote_fails", after: "local_input") { (input: Int) throws -> Int in
                        throw Boom(code: input)
                    }
                    .environment("remote")
                }
            }
        }
        #expect(error.taskName == "remote_fails" && error.environment == "remote")
        #expect(error.payload.source == .task && error.payload.kind.hasSuffix("Boom"))
    }

    @Test("a task the worker does not know fails with a config-sourced error, not a hang")
    func unknownOnWorker() async throws {
        let executor = LoopbackExecutor(worker: WoveWorker { Task("other") { 1 } })
        let error = try await #require(throws: EnvironmentExecutionError.self) {
            try await Wove.withConfiguration(configuration(executor)) {
                try await weave { Task("missing_remotely") { 1 }.environment("remote") }
            }
        }
        #expect(error.payload.source == .config)
    }

    @Test("a dead receiver fails the pending task with a transport error and the weave finishes")
    func deadWorker() async throws {
        let executor = LoopbackExecutor(worker: worker(), failRecv: true)
        let (result, duration) = try await elapsed {
            try await Wove.withConfiguration(configuration(executor)) {
                try await weave(["local_input": 1], options: .errorMode(.return)) {
                    Task("remote_profile", after: "local_input") { (input: Int) async throws in
                        try await Task.sleep(for: .seconds(30))
                        return Profile(id: input, score: 0)
                    }
                    .environment("remote")
                    Task("local") { 7 }
                }
            }
        }
        let error = try #require(result.errors["remote_profile"] as? EnvironmentExecutionError)
        #expect(error.payload.source == .transport)
        #expect(error.payload.message.contains("workerDied"))
        #expect(try result.value("local", as: Int.self) == 7)
        #expect(duration < .seconds(5))
    }

    @Test("a task routed to a non-local environment must be Codable: rejected before running")
    func nonCodableRejected() async throws {
        let executor = LoopbackExecutor(worker: worker())
        let probe = Probe()
        let opaque = Task("opaque") {
            probe.record("ran")
            return NotCodable()
        }
        .environment("remote")
        let error = try await #require(throws: MissingDispatchFeatureError.self) {
            try await Wove.withConfiguration(configuration(executor)) { try await weave { opaque } }
        }
        #expect(error.taskName == "opaque" && error.location == opaque.location)
        #expect(error.reason.contains("must all be Codable"))
        #expect(probe.events.isEmpty)
        #expect(executor.startCalls.isEmpty)
    }

    @Test("cancelling the weave sends cancel_task for the remote run")
    func cancelSendsFrame() async throws {
        let executor = LoopbackExecutor(
            worker: WoveWorker {
                Task("long") { () async throws -> Int in
                    try await Task.sleep(for: .seconds(30))
                    return 1
                }
            })
        let caller = Task {
            try await Wove.withConfiguration(configuration(executor)) {
                try await weave {
                    Task("long") { () async throws -> Int in
                        try await Task.sleep(for: .seconds(30))
                        return 1
                    }
                    .environment("remote")
                }
            }
        }
        while executor.sentJSON.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
        caller.cancel()
        _ = await caller.result
        while executor.sentJSON.count < 2 { try await Task.sleep(for: .milliseconds(2)) }
        #expect(executor.sentJSON[1].contains(#""type":"cancel_task""#))
    }
}
