import Foundation
import Testing
import WoveDSL
import WoveTestSupport

@Suite("Blocking entry point")
struct BlockingEntryPointTests {
    @Test("weaveBlocking runs a weave from synchronous code")
    func runsFromPlainThread() async throws {
        let outcome = await onOwnThread {
            try weaveBlocking(["x": 2]) {
                Task("a", after: "x") { (x: Int) in x + 1 }
                Task("b", after: "a") { (a: Int) async in a * 10 }
            }
        }
        #expect(try outcome.get().final(as: Int.self) == 30)
    }

    @Test("weaveBlocking rethrows the original task error")
    func rethrowsTaskError() async throws {
        let outcome = await onOwnThread {
            try weaveBlocking { Task("bad") { () throws -> Int in throw Boom(code: 5) } }
        }
        #expect(throws: Boom(code: 5)) { try outcome.get() }
    }

    @Test("weaveBlocking reports graph errors like weave")
    func graphErrors() async throws {
        let outcome = await onOwnThread {
            try weaveBlocking { Task("a", after: "nope") { (n: Int) in n } }
        }
        let error = try #require(throws: WeaveError.self) { try outcome.get() }
        #expect(error.code == .unknownDependency)
    }

    @Test("weaveBlocking refuses to run inside async code instead of deadlocking")
    func refusesInAsyncContext() async throws {
        let probe = Probe()
        let error = try #require(throws: WeaveError.self) {
            try weaveBlocking {
                Task("a") {
                    probe.record("ran"); return 1
                }
            }
        }
        #expect(error.code == .blockingCallInAsyncContext)
        #expect(error.message.contains("weave"))
        #expect(probe.events.isEmpty)
    }
}
