import Foundation
import Testing
import WoveDSL

/// A main-actor view model whose weave block reads its own state.
@MainActor
private final class ReportModel {
    var includeTotal = true
    var title = ""

    func load() async throws {
        let result = try await weave(["prices": [2, 3]]) {
            Task("sum", after: "prices") { (prices: [Int]) in prices.reduce(0, +) }
            if includeTotal {
                Task("title", after: "sum") { (sum: Int) in "Total: \(sum)" }
            }
        }
        title = try result.final(as: String.self)
    }
}

/// An actor whose weave block reads its isolated state.
private actor Counter {
    var step = 5
    var value = 0

    func advance() async throws {
        let result = try await weave(["value": value]) {
            Task("next", after: "value") { [step] (value: Int) in value + step }
        }
        value = try result.final(as: Int.self)
    }
}

/// Not Sendable: a weave block may still capture it, since the block runs where it is called.
private final class Settings {
    var factor = 3
}

@Suite("Calling weave from any isolation")
struct IsolationTests {
    @Test("a @MainActor class method runs a weave whose block reads main-actor state")
    @MainActor
    func fromMainActor() async throws {
        let model = ReportModel()
        try await model.load()
        #expect(model.title == "Total: 5")
    }

    @Test("an actor method runs a weave whose block reads the actor's state")
    func fromActor() async throws {
        let counter = Counter()
        try await counter.advance()
        try await counter.advance()
        #expect(await counter.value == 10)
    }

    @Test("a non-Sendable closure runs a weave whose block captures non-Sendable state")
    func fromNonSendableClosure() async throws {
        let settings = Settings()
        let run: () async throws -> Int = {
            let result = try await weave {
                Task("scaled") { [factor = settings.factor] in 7 * factor }
            }
            return try result.final(as: Int.self)
        }
        #expect(try await run() == 21)
    }

    @Test("a @MainActor function runs a weave; its tasks do not run on the main actor")
    @MainActor
    func tasksLeaveTheMainActor() async throws {
        let result = try await weave {
            Task("where") { () async -> Bool in Thread.isMainThread }
        }
        #expect(try result.final(as: Bool.self) == false)
    }
}
