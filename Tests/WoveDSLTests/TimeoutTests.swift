import Foundation
import Testing
import WoveDSL

/// Timeouts use the real clock with wide margins: each limit is far from each body's duration.
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
        let (result, duration) = try await elapsed {
            try await weave(options: .errorMode(.return)) {
                Task("blocking") { () -> Int in
                    usleep(400_000)
                    probe.record("thread finished")
                    return 1
                }
                .timeout(.milliseconds(50))
                Task("witness") { () async throws -> Int in
                    try await Task.sleep(for: .milliseconds(200))
                    probe.record("witness finished")
                    return 2
                }
            }
        }
        let error = try #require(result.errors["blocking"] as? TaskTimeoutError)
        #expect(error.taskName == "blocking")
        #expect(result.cancelled == ["witness"], "the timeout failed the weave before the witness finished")
        #expect(probe.events == ["thread finished"], "weave returned only after the abandoned thread ended")
        #expect(duration >= .milliseconds(400))
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
        // Item 0's first attempt outlives its limit and returns -1 at about 300 ms; the retry
        // returns 0 at once. With workers(1) the other items keep the map busy until about
        // 450 ms, so the results are collected after the abandoned attempt has returned.
        let result = try await weave {
            Task("items", over: [0, 1, 2, 3]) { (item: Int) -> Int in
                if item == 0, attempts.next() == 1 {
                    usleep(300_000)
                    probe.record("abandoned attempt returned")
                    return -1
                }
                usleep(100_000)
                return item * 10
            }
            .timeout(.milliseconds(150)).retries(1).workers(1)
        }
        #expect(probe.events == ["abandoned attempt returned"])
        #expect(try result.final(as: [Int].self) == [0, 10, 20, 30])
    }
}
