import Foundation
import Testing
import WoveDSL

@Suite("Failures")
struct FailureTests {
    @Test("the first error is rethrown as its original type")
    func originalErrorRethrown() async throws {
        let error = try await #require(throws: Boom.self) {
            try await weave {
                Task("ok") { 1 }
                Task("bad", after: "ok") { (n: Int) -> Int in throw Boom(code: n) }
            }
        }
        #expect(error == Boom(code: 1))
    }

    @Test("a failure cancels running siblings, keeps finished ones, and fails dependents with the same error")
    func failFast() async throws {
        let probe = Probe()
        let result = try await weave(options: .errorMode(.return)) {
            Task("quick") { 1 }
            Task("slow") { () async throws -> Int in
                do {
                    try await Task.sleep(for: .seconds(10))
                } catch {
                    probe.record("slow saw cancellation")
                    throw error
                }
                return 2
            }
            Task("bad", after: "quick") { (n: Int) async throws -> Int in
                try await Task.sleep(for: .milliseconds(20))
                throw Boom(code: 9)
            }
            Task("after_bad", after: "bad") { (n: Int) in
                probe.record("after_bad ran"); return n
            }
            Task("after_slow", after: "slow") { (n: Int) in
                probe.record("after_slow ran"); return n
            }
        }
        #expect(try result.value("quick", as: Int.self) == 1, "successful tasks keep their values")
        #expect(result.error as? Boom == Boom(code: 9))
        #expect(result.errors["bad"] as? Boom == Boom(code: 9))
        #expect(result.errors["after_bad"] as? Boom == Boom(code: 9), "dependents carry the same error")
        #expect(result.cancelled == ["slow", "after_slow"])
        #expect(probe.events == ["slow saw cancellation"])
        #expect(throws: Boom.self) { try result.value("after_bad", as: Int.self) }
        #expect(throws: CancellationError.self) { try result.value("slow", as: Int.self) }
    }

    @Test("a failing weave waits for a running sync task, whose value is kept")
    func waitsForRunningSyncTask() async throws {
        let probe = Probe()
        let (result, duration) = try await elapsed {
            try await weave(options: .errorMode(.return)) {
                Task("blocking") { () -> Int in
                    usleep(150_000)
                    probe.record("blocking finished")
                    return 5
                }
                Task("bad") { () async throws -> Int in throw Boom(code: 1) }
            }
        }
        #expect(probe.events == ["blocking finished"], "the weave returned only after the thread finished")
        #expect(duration >= .milliseconds(150))
        #expect(try result.value("blocking", as: Int.self) == 5)
    }

    @Test("a CancellationError a task throws on its own is a failure, not a cancellation")
    func ownCancellationErrorIsFailure() async throws {
        await #expect(throws: CancellationError.self) {
            try await weave {
                Task("gives_up") { () async throws -> Int in throw CancellationError() }
            }
        }
        let result = try await weave(options: .errorMode(.return)) {
            Task("gives_up") { () async throws -> Int in throw CancellationError() }
        }
        #expect(result.errors["gives_up"] is CancellationError)
        #expect(result.cancelled.isEmpty)
    }

    @Test(".return mode returns the result and the untyped subscript yields the error")
    func returnMode() async throws {
        let result = try await weave(options: .errorMode(.return)) {
            Task("ok") { "fine" }
            Task("bad") { () throws -> Int in throw Boom(code: 3) }
        }
        #expect(result.errorMode == .return)
        #expect(result["ok"] as? String == "fine")
        #expect(result["bad"] as? Boom == Boom(code: 3))
        #expect(result["missing"] == nil)
        #expect(throws: Boom.self) { try result.final(as: Int.self) }
    }

    @Test("a body's error is a failure whether it is sync or async")
    func syncFailure() async throws {
        await #expect(throws: Boom.self) {
            try await weave { Task("sync_bad") { () throws -> Int in throw Boom(code: 4) } }
        }
    }
}
