import Foundation
import Testing
import WoveDSL

@Suite("Delivery policies for non-local runs")
struct DeliveryTests {
    private func remote(_ executor: any EnvironmentExecutor, delivery: DeliverySettings = DeliverySettings())
        -> WoveConfiguration
    {
        var settings = EnvironmentSettings(executor: .shared(executor))
        settings.delivery = delivery
        return WoveConfiguration(environments: ["remote": settings])
    }

    private func hanging(_ name: String = "job") -> TaskNode<Int> {
        Task(name) { () async throws -> Int in 1 }.environment("remote")
    }

    @Test("a run past its delivery timeout is cancelled and fails with DeliveryTimeoutError")
    func deliveryTimeout() async throws {
        let executor = ScriptedExecutor()
        let (error, duration) = await elapsed {
            await #expect(throws: DeliveryTimeoutError.self) {
                try await Wove.withConfiguration(remote(executor)) {
                    try await weave { hanging().delivery(timeout: .milliseconds(50)) }
                }
            }
        }
        let timeout = try #require(error)
        #expect(timeout.limit == .delivery && timeout.taskName == "job" && timeout.seconds == 0.05)
        #expect(duration < .seconds(5))
        let run = try #require(executor.runs.first)
        #expect(run.delivery.timeoutSeconds == 0.05)
        #expect(executor.cancels.map(\.runID) == [run.runID])
    }

    @Test("a timed-out delivery is retried with a new run id")
    func timeoutRetried() async throws {
        let executor = ScriptedExecutor()
        await #expect(throws: DeliveryTimeoutError.self) {
            try await Wove.withConfiguration(remote(executor)) {
                try await weave { hanging().delivery(timeout: .milliseconds(20)).retries(1) }
            }
        }
        let runIDs = executor.runs.map(\.runID)
        #expect(runIDs.count == 2 && Set(runIDs).count == 2)
        #expect(Set(executor.cancels.map(\.runID)) == Set(runIDs))
    }

    @Test("heartbeats keep a long run alive; silence past the interval fails it")
    func heartbeat() async throws {
        let executor = ScriptedExecutor()
        let beating = Task {
            try await Wove.withConfiguration(remote(executor)) {
                try await weave { hanging("beating").delivery(heartbeat: .seconds(1)) }
            }
        }
        try await executor.waitForRuns(1)
        let run = try #require(executor.runs.first)
        #expect(run.delivery.heartbeatSeconds == 1)
        for _ in 0..<25 {  // 2.5 s in all, two and a half heartbeat intervals, beating ten times as often
            executor.emit(.heartbeat(runID: run.runID, taskID: run.taskID))
            try await Task.sleep(for: .milliseconds(100))
        }
        executor.emit(.taskResult(runID: run.runID, taskID: run.taskID, result: .integer(9)))
        #expect(try await beating.value.final(as: Int.self) == 9)

        let silent = ScriptedExecutor()
        let error = await #expect(throws: DeliveryTimeoutError.self) {
            try await Wove.withConfiguration(remote(silent)) {
                try await weave { hanging("silent").delivery(heartbeat: .milliseconds(50)) }
            }
        }
        #expect(error?.limit == .heartbeat && error?.taskName == "silent")
        #expect(silent.cancels.count == 1)
    }

    /// Starts a `require_ack` run with a 1 s delivery timeout on `clock`, lets it time out, and
    /// returns once its `cancel_task` was sent; `finished` hears when the weave returns.
    private func timeOutRequiringAck(_ executor: ScriptedExecutor, _ clock: ManualClock, _ finished: Probe)
        async throws -> Task<WoveResult, any Error>
    {
        let running = Task {
            defer { finished.record("finished") }
            return try await Wove.withConfiguration(remote(executor)) {
                try await weave(options: .clock(clock)) {
                    hanging().delivery(timeout: .seconds(1), cancelMode: .requireAck)
                }
            }
        }
        try await executor.waitForRuns(1)
        try await clock.waitForSleepers(1)
        clock.advance(to: .seconds(1))
        try await executor.waitForCancels(1)
        return running
    }

    @Test("require_ack: a cancellation resolves when the worker acknowledges, not before")
    func requireAckWaits() async throws {
        let clock = ManualClock()
        let executor = ScriptedExecutor()
        let finished = Probe()
        let running = try await timeOutRequiringAck(executor, clock, finished)
        let cancel = try #require(executor.cancels.first)
        #expect(cancel.cancelMode == .requireAck)
        try await Task.sleep(for: .milliseconds(50))
        #expect(finished.events.isEmpty, "the weave must wait for the acknowledgement")
        let run = try #require(executor.runs.first)
        executor.emit(.taskCancelled(runID: run.runID, taskID: run.taskID))
        let error = await #expect(throws: DeliveryTimeoutError.self) { try await running.value }
        #expect(error?.limit == .delivery)
    }

    @Test("require_ack: an unacknowledged cancellation fails after the acknowledgement limit")
    func requireAckUnanswered() async throws {
        let clock = ManualClock()
        let executor = ScriptedExecutor()
        let running = try await timeOutRequiringAck(executor, clock, Probe())
        try await clock.waitForSleepers(1)
        clock.advance(to: .seconds(10))
        let error = await #expect(throws: DeliveryTimeoutError.self) { try await running.value }
        #expect(error?.limit == .acknowledgement && error?.seconds == 5)
    }

    @Test("best effort: a cancelled weave does not wait for the worker")
    func bestEffortDoesNotWait() async throws {
        let executor = ScriptedExecutor()
        let running = Task {
            try await Wove.withConfiguration(remote(executor)) { try await weave { hanging() } }
        }
        try await executor.waitForRuns(1)
        running.cancel()
        await #expect(throws: CancellationError.self) { try await running.value }
        #expect(executor.cancels.first?.cancelMode == .bestEffort)
    }

    @Test("idempotency key templates are filled from the run's arguments, {item} for mapped tasks")
    func idempotencyKeys() async throws {
        let worker = WoveWorker {
            Task("report", after: "order_id") { (id: Int) in "r\(id)" }
            Task("tag", over: [1, 2], after: "n") { (item: Int, n: Int) in item * n }
        }
        let executor = LoopbackExecutor(worker: worker)
        let result = try await Wove.withConfiguration(remote(executor)) {
            try await weave(["order_id": 42, "n": 5]) {
                Task("report", after: "order_id") { (id: Int) in "r\(id)" }
                    .environment("remote").delivery(idempotencyKey: "report:{order_id}")
                Task("tag", over: [1, 2], after: "n") { (item: Int, n: Int) in item * n }
                    .environment("remote").delivery(idempotencyKey: "id:{item}:{n}")
            }
        }
        #expect(try result.value("tag", as: [Int].self) == [5, 10])
        let keys = try executor.sentJSON.compactMap { json -> String? in
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (object?["delivery"] as? [String: Any])?["delivery_idempotency_key"] as? String
        }
        #expect(Set(keys) == ["report:42", "id:1:5", "id:2:5"])
    }

    @Test("a key placeholder naming no argument is rejected before anything runs")
    func unknownPlaceholder() async throws {
        let executor = ScriptedExecutor()
        let node = Task("report", after: "order_id") { (id: Int) in id }
            .environment("remote").delivery(idempotencyKey: "report:{order}")
        let error = await #expect(throws: WeaveError.self) {
            try await Wove.withConfiguration(remote(executor)) { try await weave(["order_id": 1]) { node } }
        }
        #expect(error?.code == .invalidOption && error?.location == node.location)
        #expect(error?.message.contains("'{order}'") == true && error?.message.contains("order_id") == true)
        #expect(executor.frames.isEmpty)
    }

    @Test("an inherited key template serves many tasks: a placeholder a task lacks stays as written")
    func inheritedKeyTemplate() async throws {
        let worker = WoveWorker {
            Task("report", after: "order_id") { (id: Int) in id }
            Task("ping") { 1 }
        }
        let executor = LoopbackExecutor(worker: worker)
        _ = try await Wove.withConfiguration(
            remote(executor, delivery: DeliverySettings(idempotencyKey: "k:{order_id}"))
        ) {
            try await weave(["order_id": 7]) {
                Task("report", after: "order_id") { (id: Int) in id }.environment("remote")
                Task("ping") { 1 }.environment("remote")
            }
        }
        let keys = try executor.sentJSON.compactMap { json -> String? in
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (object?["delivery"] as? [String: Any])?["delivery_idempotency_key"] as? String
        }
        #expect(Set(keys) == ["k:7", "k:{order_id}"])
    }

    @Test("maxInFlight caps the runs pending at once in the environment")
    func maxInFlight() async throws {
        let gauge = ConcurrencyGauge()
        let worker = WoveWorker {
            Task("slow", over: 0..<8) { (item: Int) async throws -> Int in
                gauge.enter()
                defer { gauge.leave() }
                try await Task.sleep(for: .milliseconds(20))
                return item
            }
        }
        let result = try await Wove.withConfiguration(remote(LoopbackExecutor(worker: worker))) {
            try await weave {
                Task("slow", over: 0..<8) { (item: Int) async throws -> Int in item }
                    .environment("remote").workers(8).delivery(maxInFlight: 2)
            }
        }
        #expect(try result.value("slow", as: [Int].self) == Array(0..<8))
        #expect(gauge.maximum == 2)
    }

    @Test("environment delivery settings are task defaults; the task's own win", arguments: [false, true])
    func environmentDefaults(taskOverrides: Bool) async throws {
        let executor = LoopbackExecutor(worker: WoveWorker { Task("job") { 1 } })
        let environment = DeliverySettings(
            timeout: .milliseconds(7500), cancelMode: .requireAck, orphanPolicy: .requeue)
        _ = try await Wove.withConfiguration(remote(executor, delivery: environment)) {
            try await weave {
                if taskOverrides {
                    Task("job") { 1 }.environment("remote").delivery(orphanPolicy: .fail)
                } else {
                    Task("job") { 1 }.environment("remote")
                }
            }
        }
        let json = try #require(executor.sentJSON.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let delivery = try #require(object["delivery"] as? [String: Any])
        #expect(delivery["delivery_timeout"] as? Double == 7.5)
        #expect(delivery["delivery_cancel_mode"] as? String == "require_ack")
        #expect(delivery["delivery_orphan_policy"] as? String == (taskOverrides ? "fail" : "requeue"))
        #expect(delivery["delivery_max_in_flight"] == nil)
    }

    @Test("executors start with the weave's run config: error mode, maxPending and global delivery defaults")
    func runConfig() async throws {
        let executor = LoopbackExecutor(worker: WoveWorker { Task("job") { 1 } })
        var configuration = remote(executor)
        configuration.delivery = DeliverySettings(heartbeat: .seconds(3), orphanPolicy: .requeue)
        _ = try await Wove.withConfiguration(configuration) {
            try await weave(options: .maxPending(9), .errorMode(.return)) {
                Task("job") { 1 }.environment("remote")
            }
        }
        #expect(
            executor.startCalls.map(\.runConfig)
                == [RunConfig(errorMode: .return, maxPending: 9, heartbeatSeconds: 3, orphanPolicy: .requeue)]
        )
    }

    @Test(
        "a receiver failure orphans pending runs by policy",
        arguments: [Delivery.OrphanPolicy.fail, .requeue, .detach])
    func receiverFailureOrphans(policy: Delivery.OrphanPolicy) async throws {
        let executor = LoopbackExecutor(worker: WoveWorker {}, failRecv: true)
        let error = await #expect(throws: DeliveryOrphanedError.self) {
            try await Wove.withConfiguration(remote(executor)) {
                try await weave { hanging().delivery(orphanPolicy: policy) }
            }
        }
        #expect(error?.policy == policy && error?.taskName == "job" && error?.environment == "remote")
        #expect(error?.cause.contains("receiver failed") == true)
    }

    @Test("delivery settings never touch local tasks")
    func localIgnoresDelivery() async throws {
        let result = try await weave {
            Task("local") { () async throws -> Int in
                try await Task.sleep(for: .milliseconds(60))
                return 3
            }
            .delivery(timeout: .milliseconds(1), heartbeat: .milliseconds(1))
        }
        #expect(try result.final(as: Int.self) == 3)
    }

    @Test("invalid delivery values are rejected, naming the task or the configuration key")
    func invalidValues() async throws {
        let node = Task("job") { 1 }.delivery(maxInFlight: 0)
        let error = await #expect(throws: WeaveError.self) { try await weave { node } }
        #expect(error?.code == .invalidOption && error?.message.contains("maxInFlight") == true)
        let configuration = WoveConfiguration(delivery: DeliverySettings(heartbeat: .zero))
        let configError = #expect(throws: WeaveError.self) { try configuration.validate() }
        #expect(configError?.message.contains("delivery_heartbeat_seconds") == true)
    }
}
