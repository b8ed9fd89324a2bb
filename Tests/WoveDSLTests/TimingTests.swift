import Foundation
import Testing
import WoveDSL

/// Timing-sensitive checks, run one at a time so they do not compete for the two cores.
/// Bounds are wide: each proves concurrency (or its absence), not speed.
@Suite("Scheduling and concurrency", .serialized)
struct TimingTests {
    @Test("two independent 200 ms async sleeps finish together, under 350 ms")
    func asyncTasksRunConcurrently() async throws {
        let (result, duration) = try await elapsed {
            try await weave {
                Task("one") { () async throws in
                    try await Task.sleep(for: .milliseconds(200)); return 1
                }
                Task("two") { () async throws in
                    try await Task.sleep(for: .milliseconds(200)); return 2
                }
            }
        }
        #expect(duration < .milliseconds(350), "took \(duration)")
        #expect(try result.value("one", as: Int.self) + result.value("two", as: Int.self) == 3)
    }

    @Test("eight 100 ms blocking sleeps finish under 450 ms on the blocking pool")
    func syncTasksRunInParallel() async throws {
        let (result, duration) = try await elapsed {
            try await weave {
                for index in 0..<8 {
                    Task("sleeper_\(index)") { () -> Int in
                        usleep(100_000)
                        return index
                    }
                }
            }
        }
        #expect(duration < .milliseconds(450), "took \(duration)")
        #expect(result.names.count == 8)
    }

    @Test("maxWorkers: 1 serialises blocking tasks")
    func maxWorkersOneSerialises() async throws {
        let (_, duration) = try await elapsed {
            try await weave(options: .maxWorkers(1)) {
                for index in 0..<8 {
                    Task("sleeper_\(index)") { () -> Int in
                        usleep(100_000)
                        return index
                    }
                }
            }
        }
        #expect(duration >= .milliseconds(800), "took \(duration)")
    }

    @Test("maxWorkers: 2 runs at most two blocking tasks at once")
    func maxWorkersBoundsConcurrency() async throws {
        let gauge = ConcurrencyGauge()
        _ = try await weave(options: .maxWorkers(2)) {
            for index in 0..<6 {
                Task("worker_\(index)") { () -> Int in
                    gauge.enter()
                    usleep(30_000)
                    gauge.leave()
                    return index
                }
            }
        }
        #expect(gauge.maximum == 2)
    }

    @Test("sync bodies run off the cooperative pool; async bodies run as tasks")
    func syncBodiesRunOnBlockingThreads() async throws {
        let result = try await weave {
            Task("sync_has_task") { withUnsafeCurrentTask { $0 != nil } }
            Task("async_has_task") { () async in withUnsafeCurrentTask { $0 != nil } }
        }
        #expect(try result.value("sync_has_task", as: Bool.self) == false)
        #expect(try result.value("async_has_task", as: Bool.self) == true)
    }

    @Test("a tier-2 task starts before an unrelated slow tier-1 task ends")
    func noTierBarrier() async throws {
        let probe = Probe()
        let result = try await weave {
            Task("fast") { () async throws in
                try await Task.sleep(for: .milliseconds(10))
                return 1
            }
            Task("slow") { () async throws in
                try await Task.sleep(for: .milliseconds(400))
                probe.record("slow ended")
                return 2
            }
            Task("after_fast", after: "fast") { (value: Int) in
                probe.record("after_fast started")
                return value + 1
            }
        }
        #expect(probe.events == ["after_fast started", "slow ended"])
        let started = try #require(probe.time(of: "after_fast started"))
        #expect(started < .milliseconds(300), "after_fast waited for the slow task: \(started)")
        #expect(result.executionPlan.tiers.map(Set.init) == [["data", "fast", "slow"], ["after_fast"]])
    }

    @Test("timings cover each task's run")
    func timings() async throws {
        let result = try await weave {
            Task("nap") { () async throws in try await Task.sleep(for: .milliseconds(30)) }
            Task("block") { usleep(30_000) }
        }
        #expect(try #require(result.timings["nap"]) >= .milliseconds(30))
        #expect(try #require(result.timings["block"]) >= .milliseconds(30))
    }
}
