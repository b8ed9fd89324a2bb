import Foundation
import Testing
import WoveDSL

/// The process-wide cap on blocking threads, and defaults wide enough for one weave.
@Suite("Blocking threads", .serialized)
struct BlockingThreadsTests {
    /// Runs the thread-cap probe of `WoveTestWorker` in a process of its own, so the cap and the
    /// thread count are this test's alone; returns the most blocking threads it saw and how many
    /// of its 20 weaves finished.
    private func probe(cap: Int, nested: Bool) async throws -> (most: Int, finished: Int) {
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--thread-cap", "\(cap)"] + (nested ? ["nested"] : []), input: [], environment: [:])
        #expect(status == 0)
        let report = try #require(lines.last)
        let fields = Dictionary(
            uniqueKeysWithValues: report.split(separator: " ").map { field in
                let parts = field.split(separator: "=")
                return (String(parts[0]), Int(parts.last ?? "") ?? -1)
            })
        return (try #require(fields["most"]), try #require(fields["finished"]))
    }

    @Test("20 concurrent weaves never hold more blocking threads than the cap, and all finish")
    func concurrentWeavesStayUnderTheCap() async throws {
        let (most, finished) = try await probe(cap: 6, nested: false)
        #expect(finished == 20)
        #expect(most >= 1 && most <= 6, "most: \(most)")
    }

    @Test("bodies waiting on a synchronous merge lend their slots, so a small cap cannot deadlock")
    func nestedWaitsDoNotDeadlock() async throws {
        let (most, finished) = try await probe(cap: 2, nested: true)
        #expect(finished == 20)
        // At most the cap running, plus one waiting body per weave holding its thread.
        #expect(most <= 2 + 20, "most: \(most)")
    }

    @Test("with no options, 200 blocking items run at once, as a thread per item would")
    func defaultWidthForBlockingItems() async throws {
        // 64 at a time, the old default, could never bring all 200 together.
        let meeting = Rendezvous(parties: 200)
        let result = try await weave {
            Task("items", over: Array(0..<200)) { (_: Int) -> Bool in meeting.meetBlocking() }
        }
        #expect(try result.final(as: [Bool].self) == Array(repeating: true, count: 200))
    }

    @Test("with no options, 200 async items run at once")
    func defaultWidthForAsyncItems() async throws {
        let meeting = Rendezvous(parties: 200)
        let result = try await weave {
            Task("items", over: Array(0..<200)) { (_: Int) async -> Bool in await meeting.meet() }
        }
        #expect(try result.final(as: [Bool].self) == Array(repeating: true, count: 200))
    }
}
