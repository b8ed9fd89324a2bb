import Foundation
import Testing
import WoveDSL

/// Scheduling checks. Concurrency is proven by bodies meeting at a ``Rendezvous``, never by an
/// upper time bound a busy machine could miss; serialisation is proven by a lower bound. Run one at
/// a time so the lower bounds are not muddied by other tests' sleepers.
@Suite("Scheduling and concurrency", .serialized)
struct TimingTests {
    @Test("two independent async tasks run at the same time")
    func asyncTasksRunConcurrently() async throws {
        let meeting = Rendezvous(parties: 2)
        let result = try await weave {
            Task("one") { () async in await meeting.meet() }
            Task("two") { () async in await meeting.meet() }
        }
        #expect(try result.value("one", as: Bool.self), "task one waited alone")
        #expect(try result.value("two", as: Bool.self), "task two waited alone")
    }

    @Test("eight blocking tasks run at the same time on the blocking pool")
    func syncTasksRunInParallel() async throws {
        let meeting = Rendezvous(parties: 8)
        let result = try await weave {
            for index in 0..<8 {
                Task("sleeper_\(index)") { meeting.meetBlocking() }
            }
        }
        for index in 0..<8 {
            #expect(try result.value("sleeper_\(index)", as: Bool.self), "sleeper_\(index) waited alone")
        }
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
        // "slow" cannot end until "after_fast" has started: with a barrier between tiers they never meet.
        let meeting = Rendezvous(parties: 2)
        let result = try await weave {
            Task("fast") { 1 }
            Task("slow") { () async in await meeting.meet() }
            Task("after_fast", after: "fast") { (value: Int) async in await meeting.meet() ? value + 1 : -1 }
        }
        #expect(try result.value("slow", as: Bool.self), "after_fast waited for the slow task")
        #expect(try result.value("after_fast", as: Int.self) == 2)
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
