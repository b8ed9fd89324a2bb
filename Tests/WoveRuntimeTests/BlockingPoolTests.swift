import Dispatch
import Foundation
import Testing

@testable import WoveRuntime

/// The process-wide blocking pool, tested on private pools so the cap can be small.
@Suite("Blocking pool", .serialized)
struct BlockingPoolTests {
    /// Appends names from any thread, in order.
    final class Journal: Sendable {
        private let entries = LockedValue<[String]>([])
        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    /// Counts bodies running at once, and the most that ever did.
    final class RunningCount: Sendable {
        private let state = LockedValue((now: 0, most: 0))

        /// Counts `body` as running while it runs.
        func during(_ body: () -> Void) {
            state.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            body()
            state.withLock { $0.now -= 1 }
        }

        var most: Int { state.withLock { $0.most } }
    }

    /// Runs `count` blocking jobs in `lane`, each doing `body`, and waits for all of them.
    private func runJobs(
        _ count: Int, in lane: BlockingLane, _ body: @escaping @Sendable (Int) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count { group.addTask { try await lane.run { body(index) } } }
            try await group.waitForAll()
        }
    }

    @Test("bodies of many lanes never run more than the pool's cap at once, and all finish")
    func capIsShared() async throws {
        let pool = BlockingPool(limit: 4)
        let running = RunningCount()
        let finished = LockedValue(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                let lane = BlockingLane(limit: 8, pool: pool)
                group.addTask {
                    try await runJobs(10, in: lane) { _ in
                        running.during { usleep(2_000) }
                        finished.withLock { $0 += 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(running.most == 4)
        #expect(finished.withLock { $0 } == 200)
    }

    @Test("a lane with one job takes its turn before a busy lane's queue drains")
    func lanesTakeTurns() async throws {
        let pool = BlockingPool(limit: 2)
        let busy = BlockingLane(limit: 100, pool: pool)
        let single = BlockingLane(limit: 100, pool: pool)
        let journal = Journal()
        let busyJobs = Task {
            try await runJobs(40, in: busy) { index in
                journal.append("busy \(index)")
                usleep(5_000)
            }
        }
        while journal.all.count < 4 { try await Task.sleep(for: .milliseconds(1)) }
        let startedBefore = journal.all.count
        try await single.run { journal.append("single") }
        try await busyJobs.value
        let position = try #require(journal.all.firstIndex(of: "single"))
        // Two threads: at most the two jobs running when it arrived, then it is next in turn.
        #expect(position <= startedBefore + 2, "\(journal.all)")
    }

    @Test("a body waiting through lendingSlot lets work of its own lane run, even at a cap of one")
    func lendingAvoidsDeadlock() async throws {
        let pool = BlockingPool(limit: 1)
        let lane = BlockingLane(limit: 1, pool: pool)
        let outcome = try await lane.run { () -> DispatchTimeoutResult in
            let done = DispatchSemaphore(value: 0)
            lane.submit(BlockingJob(run: { done.signal() }, cancel: {}))
            return BlockingPool.lendingSlot { done.wait(timeout: .now() + 5) }
        }
        #expect(outcome == .success)
    }

    @Test("a job whose ticket was settled before it started never runs its body")
    func settledJobIsSkipped() async throws {
        let pool = BlockingPool(limit: 1)
        let lane = BlockingLane(limit: 1, pool: pool)
        let journal = Journal()
        let blocker = lane.submit { usleep(100_000) }
        let skipped = lane.submit { journal.append("ran") }
        skipped.resolve(.failure(CancellationError()))
        _ = try await blocker.value
        await lane.waitUntilIdle()
        #expect(journal.all.isEmpty)
    }

    @Test("a lowered cap holds new bodies back until running ones finish")
    func loweringTheCap() async throws {
        let pool = BlockingPool(limit: 8)
        pool.setLimit(1)
        let lane = BlockingLane(limit: 8, pool: pool)
        let running = RunningCount()
        try await runJobs(6, in: lane) { _ in running.during { usleep(2_000) } }
        #expect(running.most == 1)
        #expect(pool.currentLimit == 1)
    }
}

@Suite("OneShotResult")
struct OneShotResultTests {
    @Test("any number of awaits, before and after the resolution, get the same value")
    func awaitedManyTimes() async throws {
        let result = OneShotResult<Int>()
        async let first = result.value
        async let second = result.value
        try await Task.sleep(for: .milliseconds(10))
        #expect(result.resolve(.success(7)))
        #expect(!result.resolve(.success(8)), "the first resolution wins")
        #expect(try await first == 7)
        #expect(try await second == 7)
        #expect(try await result.value == 7)
        #expect(try await result.value == 7)
    }
}
