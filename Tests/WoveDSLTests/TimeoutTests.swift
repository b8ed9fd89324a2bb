import Foundation
import Testing
import WoveDSL

/// Timeouts use the real clock. A body that must outlive its limit waits for an event the
/// timeout causes, so a busy machine can delay a test but not change its outcome.
@Suite("Timeouts", .serialized)
struct TimeoutTests {
    @Test("an attempt past its limit fails with TaskTimeoutError naming the task")
    func timesOut() async throws {
        let slow = Task("slow") { () async throws -> Int in
            try await Task.sleep(for: .seconds(10))
            return 1
        }
        .timeout(.milliseconds(50))
        let (error, duration) = try await elapsed {
            try await #require(throws: TaskTimeoutError.self) { try await weave { slow } }
        }
        #expect(error.taskName == "slow")
        #expect(error.location == slow.location)
        #expect(error.limit == .milliseconds(50))
        #expect(error.attempt == 1)
        #expect(error.description.contains("timed out"))
        #expect(duration < .seconds(5))
    }

    @Test("a task finishing inside its limit is unaffected")
    func finishesInTime() async throws {
        let result = try await weave {
            Task("quick") { () async throws in
                try await Task.sleep(for: .milliseconds(5))
                return "finished"
            }
            .timeout(.seconds(5))
        }
        #expect(try result.final(as: String.self) == "finished")
    }

    @Test("a timed-out attempt is retried, and a later attempt can succeed")
    func timeoutRetried() async throws {
        let attempts = AttemptCounter()
        let result = try await weave {
            Task("sometimes_slow") { () async throws -> String in
                if attempts.next() == 1 { try await Task.sleep(for: .seconds(10)) }
                return "second attempt"
            }
            .timeout(.milliseconds(100)).retries(1)
        }
        #expect(try result.final(as: String.self) == "second attempt")
        #expect(attempts.count == 2)
    }

    @Test("when every attempt times out, the last timeout is the error")
    func everyAttemptTimesOut() async throws {
        let error = try await #require(throws: TaskTimeoutError.self) {
            try await weave {
                Task("never") { () async throws -> Int in
                    try await Task.sleep(for: .seconds(10))
                    return 1
                }
                .timeout(.milliseconds(30)).retries(2)
            }
        }
        #expect(error.attempt == 3)
    }

    @Test("a blocking body past its limit fails at the limit; the weave waits for its thread")
    func blockingTimeout() async throws {
        let probe = Probe()
        let result = try await weave(options: .errorMode(.return)) {
            Task("blocking") { () -> Int in
                // Still running when the timeout fails the weave and cancels the witness.
                _ = probe.awaitBlocking("witness cancelled")
                usleep(50_000)
                probe.record("thread finished")
                return 1
            }
            .timeout(.milliseconds(50))
            Task("witness") { () async throws -> Int in
                do {
                    try await Task.sleep(for: .seconds(10))
                } catch {
                    probe.record("witness cancelled")
                    throw error
                }
                return 2
            }
        }
        let error = try #require(result.errors["blocking"] as? TaskTimeoutError)
        #expect(error.taskName == "blocking")
        #expect(result.cancelled == ["witness"], "the timeout failed the weave")
        #expect(
            probe.events == ["witness cancelled", "thread finished"],
            "weave returned only after the abandoned thread ended")
    }

    @Test("timeouts apply to each mapped item")
    func perItemTimeout() async throws {
        let result = try await weave(options: .errorMode(.return)) {
            Task("items", over: [1, 500]) { (milliseconds: Int) async throws -> Int in
                try await Task.sleep(for: .milliseconds(milliseconds) * 20)
                return milliseconds
            }
            .timeout(.milliseconds(1000))
        }
        let error = try #require(result.errors["items"] as? TaskTimeoutError)
        #expect(error.taskName == "items")
    }

    @Test("a timed-out sync item's late result never replaces its retry's value")
    func abandonedAttemptDoesNotStore() async throws {
        let attempts = AttemptCounter()
        let probe = Probe()
        // Item 0's first attempt outlives its limit and returns -1 only after its retry has
        // returned 0. Item 1 keeps the map open until then (its own attempts time out and are
        // retried while it waits), so a late store would be seen.
        let result = try await weave {
            Task("items", over: [0, 1, 2, 3]) { (item: Int) -> Int in
                if item == 0 {
                    guard attempts.next() == 1 else {
                        probe.record("retry returned")
                        return 0
                    }
                    _ = probe.awaitBlocking("retry returned")
                    usleep(20_000)
                    probe.record("abandoned attempt returned")
                    return -1
                }
                if item == 1 { _ = probe.awaitBlocking("abandoned attempt returned") }
                return item * 10
            }
            .timeout(.milliseconds(150)).retries(5)
        }
        #expect(probe.events == ["retry returned", "abandoned attempt returned"])
        #expect(try result.final(as: [Int].self) == [0, 10, 20, 30])
    }
}
