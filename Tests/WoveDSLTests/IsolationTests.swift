import Testing
import WoveDSL
import WoveRuntime

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

    @Test("a global actor's function runs a weave; its tasks do not run on that actor")
    @QueueActor
    func tasksLeaveTheCallersActor() async throws {
        #expect(QueueActor.isCurrent)
        let result = try await weave {
            Task("where") { () async -> Bool in QueueActor.isCurrent }
        }
        #expect(try result.final(as: Bool.self) == false)
        #expect(QueueActor.isCurrent)
    }

    @Test(
        "a global actor's function runs a weave; Wove's own work for it (events, scheduling) stays off that actor",
        arguments: [1, 3])
    @QueueActor
    func engineLeavesTheCallersActor(tasks: Int) async throws {
        #expect(QueueActor.isCurrent)
        let recorder = IsolationRecorder()
        // One task runs in the weave's own task (nothing else is in flight); three run as its
        // children. Each event is told where the engine is when it happens.
        _ = try await weave(options: .observer(recorder)) {
            Task("first") { () async in 1 }
            if tasks > 1 {
                Task("second", after: "first") { (first: Int) async in first + 1 }
                Task("third", after: "first") { (first: Int) async in first + 2 }
            }
        }
        let seen = recorder.seen
        #expect(seen.count >= 2 + 2 * tasks, "\(seen.map(\.kind))")
        #expect(seen.allSatisfy { !$0.onCallersActor }, "\(seen.filter(\.onCallersActor).map(\.kind))")
    }
}

/// Records, for each event, whether it was told on ``QueueActor``.
private final class IsolationRecorder: WeaveObserver {
    struct Sighting: Sendable {
        let kind: WeaveEvent.Kind
        let onCallersActor: Bool
    }

    private let sightings = LockedValue<[Sighting]>([])

    var seen: [Sighting] { sightings.withLock { $0 } }

    func observe(_ event: WeaveEvent) {
        let sighting = Sighting(kind: event.kind, onCallersActor: QueueActor.isCurrent)
        sightings.withLock { $0.append(sighting) }
    }
}
