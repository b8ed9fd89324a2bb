import Foundation
import Testing
import WoveDSL

@Suite("Retries")
struct RetryTests {
    @Test("a task that fails twice then succeeds is retried", arguments: [false, true])
    func retriesUntilSuccess(async: Bool) async throws {
        let attempts = AttemptCounter()
        let result = try await weave {
            if async {
                Task("flaky") { () async throws -> String in
                    if attempts.next() < 3 { throw Boom(code: 0) }
                    return "ok"
                }
                .retries(2)
            } else {
                Task("flaky") { () throws -> String in
                    if attempts.next() < 3 { throw Boom(code: 0) }
                    return "ok"
                }
                .retries(2)
            }
        }
        #expect(try result.final(as: String.self) == "ok")
        #expect(attempts.count == 3)
    }

    @Test("when retries run out, the last error is the task's")
    func exhaustionKeepsLastError() async throws {
        let attempts = AttemptCounter()
        let error = try await #require(throws: Boom.self) {
            try await weave {
                Task("always_fails") { () throws -> Int in throw Boom(code: attempts.next()) }.retries(3)
            }
        }
        #expect(attempts.count == 4)
        #expect(error == Boom(code: 4))
    }

    @Test("retries apply to each mapped item on its own")
    func perItemRetries() async throws {
        let attempts = AttemptCounter()
        let firstTry = Probe()
        let result = try await weave {
            Task("items", over: [1, 2, 3]) { (item: Int) throws -> Int in
                _ = attempts.next()
                if item == 2, firstTry.count(of: "2") == 0 {
                    firstTry.record("2")
                    throw Boom(code: 2)
                }
                return item * 10
            }
            .retries(1)
        }
        #expect(try result.final(as: [Int].self) == [10, 20, 30])
        #expect(attempts.count == 4)
    }

    @Test("a fixed backoff waits between attempts on the weave's clock")
    func fixedBackoff() async throws {
        let clock = VirtualClock()
        let attempts = Probe()
        _ = try await weave(options: .clock(clock)) {
            Task("flaky") { () throws -> Int in
                attempts.record("attempt at \(clock.now.offset)")
                if attempts.events.count < 3 { throw Boom(code: 0) }
                return 1
            }
            .retries(2, backoff: .fixed(.seconds(5)))
        }
        #expect(
            attempts.events == [
                "attempt at 0.0 seconds", "attempt at 5.0 seconds", "attempt at 10.0 seconds",
            ])
    }

    @Test("exponential backoff grows by the multiplier and stops at the maximum")
    func exponentialBackoff() async throws {
        let clock = VirtualClock()
        let attempts = Probe()
        _ = try await weave(options: .clock(clock)) {
            Task("flaky") { () throws -> Int in
                attempts.record("\(clock.now.offset)")
                if attempts.events.count < 5 { throw Boom(code: 0) }
                return 1
            }
            .retries(4, backoff: .exponential(initial: .seconds(1), maximum: .seconds(3), jitter: false))
        }
        // Waits of 1, 2, 3 (capped) and 3 seconds.
        #expect(
            attempts.events == ["0.0 seconds", "1.0 seconds", "3.0 seconds", "6.0 seconds", "9.0 seconds"])
    }

    @Test("an override inherits the options it does not set")
    func overrideInheritsOptions() async throws {
        let attempts = AttemptCounter()
        let result = try await weave {
            Task("flaky") { 0 }.retries(1)
            Task("flaky") { () throws -> Int in
                if attempts.next() == 1 { throw Boom(code: 1) }
                return 2
            }
        }
        #expect(try result.final(as: Int.self) == 2)
        #expect(attempts.count == 2)
    }

    @Test("invalid option values are rejected before running, naming the task")
    func invalidOptions() async throws {
        let negative = Task("negative") { 1 }.retries(-1)
        let error = try await #require(throws: WeaveError.self) { try await weave { negative } }
        #expect(error.code == .invalidOption)
        #expect(error.location == negative.location)
        #expect(error.message.contains("retries -1"))

        let zeroTimeout = try await #require(throws: WeaveError.self) {
            try await weave { Task("instant") { 1 }.timeout(.zero) }
        }
        #expect(zeroTimeout.message.contains("timeout"))

        let zeroWorkers = try await #require(throws: WeaveError.self) {
            try await weave { Task("m", over: [1]) { (item: Int) in item }.workers(0) }
        }
        #expect(zeroWorkers.message.contains("workers 0"))

        let zeroRate = try await #require(throws: WeaveError.self) {
            try await weave { Task("m", over: [1]) { (item: Int) in item }.limitPerMinute(0) }
        }
        #expect(zeroRate.message.contains("limitPerMinute 0"))
    }
}
