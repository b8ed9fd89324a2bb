import Testing

@testable import WoveRuntime

@Suite("Orphan policies when an environment stops with runs pending")
struct OrphanPolicyTests {
    @Test("cancel, fail and requeue send cancel_task with their policy; detach sends nothing")
    func orphansAtStop() async throws {
        let executor = ScriptedExecutor()
        let channel = EnvironmentChannel(
            name: "remote", executor: executor, config: [:], runConfig: RunConfig(),
            clock: WoveClock(ContinuousClock()), observation: nil)
        let policies: [Delivery.OrphanPolicy] = [.cancel, .fail, .requeue, .detach]
        let runs = policies.map { policy in
            Task {
                try await channel.run(
                    taskID: policy.rawValue, weave: nil, args: [:],
                    settings: DeliverySettings(orphanPolicy: policy), idempotencyKey: nil)
            }
        }
        try await executor.waitForRuns(policies.count)
        #expect(await channel.stop(within: .seconds(10)))
        for (policy, run) in zip(policies, runs) {
            let outcome = await run.result
            if policy == .cancel {
                #expect(throws: CancellationError.self) { try outcome.get() }
            } else {
                let error = #expect(throws: DeliveryOrphanedError.self) { try outcome.get() }
                #expect(error?.policy == policy && error?.taskName == policy.rawValue)
            }
        }
        let cancelled = executor.cancels
        #expect(Set(cancelled.map(\.orphanPolicy)) == [.cancel, .fail, .requeue])
        let runIDs = Dictionary(uniqueKeysWithValues: executor.runs.map { ($0.taskID, $0.runID) })
        #expect(Set(cancelled.map(\.runID)) == Set(["cancel", "fail", "requeue"].compactMap { runIDs[$0] }))
        let late = await #expect(throws: EnvironmentExecutionError.self) {
            try await channel.run(
                taskID: "late", weave: nil, args: [:], settings: DeliverySettings(), idempotencyKey: nil)
        }
        #expect(late?.taskName == "late" && late?.payload.source == .executor)
    }
}
