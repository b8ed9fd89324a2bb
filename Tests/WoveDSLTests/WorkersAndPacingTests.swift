import Foundation
import Testing
import WoveDSL

@Suite("Workers, pacing and maxPending")
struct WorkersAndPacingTests {
    @Test("workers(3) runs exactly three items at a time", arguments: [false, true])
    func workersCapConcurrency(async: Bool) async throws {
        let gauge = ConcurrencyGauge()
        let result = try await weave {
            if async {
                Task("items", over: 0..<12) { (item: Int) async throws -> Int in
                    gauge.enter()
                    try await Task.sleep(for: .milliseconds(20))
                    gauge.leave()
                    return item * 2
                }
                .workers(3)
            } else {
                Task("items", over: 0..<12) { (item: Int) -> Int in
                    gauge.enter()
                    usleep(20_000)
                    gauge.leave()
                    return item * 2
                }
                .workers(3)
            }
        }
        #expect(gauge.maximum == 3)
        #expect(try result.final(as: [Int].self) == (0..<12).map { $0 * 2 })
    }

    @Test("limitPerMinute spaces item starts evenly on the injected clock")
    func limitPerMinutePaces() async throws {
        let clock = ManualClock()
        let starts = Probe()
        let running = Task {
            try await weave(options: .clock(clock)) {
                Task("paced", over: 0..<4) { (item: Int) in
                    starts.record("item \(item) at \(clock.now.offset)")
                    return item
                }
                .limitPerMinute(60)
            }
        }
        // One slot a second: the first item starts at once, the other three wait for theirs.
        try await clock.waitForSleepers(3)
        while starts.events.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
        #expect(starts.events.count == 1)
        #expect(starts.events.first?.hasSuffix(" at 0.0 seconds") == true, "the first slot is immediate")
        for second in 1...3 {
            clock.advance(to: .seconds(second))
            try await clock.waitForSleepers(3 - second)
            while starts.events.count < second + 1 { try await Task.sleep(for: .milliseconds(1)) }
        }
        let result = try await running.value
        #expect(try result.final(as: [Int].self) == [0, 1, 2, 3])
        let times = starts.events.map { $0.components(separatedBy: " at ")[1] }
        #expect(times == ["0.0 seconds", "1.0 seconds", "2.0 seconds", "3.0 seconds"])
    }

    @Test("limitPerMinute with workers: the last of five slots is four intervals in")
    func pacingWithWorkers() async throws {
        let clock = VirtualClock()
        let result = try await weave(options: .clock(clock)) {
            Task("paced", mapping: "ids") { (id: Int) async in id }
                .workers(2).limitPerMinute(600)
            Task("ids") { Array(0..<5) }
        }
        #expect(try result.value("paced", as: [Int].self) == [0, 1, 2, 3, 4])
        #expect(clock.now.offset == .milliseconds(400))
    }

    @Test("maxPending fails a mapped task with too many items, and its dependents, before any item runs")
    func maxPendingFails() async throws {
        let probe = Probe()
        let mapped = Task("mapped", mapping: "ids") { (id: Int) in
            probe.record("item ran")
            return id
        }
        let result = try await weave(["ids": [1, 2, 3]], options: .maxPending(2), .errorMode(.return)) {
            mapped
            Task("after", after: "mapped") { (values: [Int]) in values.count }
            Task("small", over: [1, 2]) { (item: Int) in item }
        }
        let error = try #require(result.errors["mapped"] as? WeaveError)
        #expect(error.code == .tooManyPendingItems)
        #expect(
            error.message
                == "Mapped task 'mapped' (\(mapped.location)) has 3 items, which exceeds maxPending=2.")
        #expect((result.errors["after"] as? WeaveError)?.code == .tooManyPendingItems)
        #expect(probe.events.isEmpty)
    }

    @Test("exactly maxPending items is allowed")
    func maxPendingBoundary() async throws {
        let result = try await weave(options: .maxPending(3)) {
            Task("mapped", over: [1, 2, 3]) { (item: Int) in item }
        }
        #expect(try result.final(as: [Int].self) == [1, 2, 3])
    }

    @Test("a negative maxPending is an invalid option")
    func negativeMaxPending() async throws {
        let error = try await #require(throws: WeaveError.self) {
            try await weave(options: .maxPending(-1)) { Task("a") { 1 } }
        }
        #expect(error.code == .invalidOption)
    }
}
