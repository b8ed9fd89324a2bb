import Testing
import WoveDSL
import WoveRuntime

/// Records events as short strings.
final class EventRecorder: WeaveObserver {
    private let log = LockedValue<[String]>([])

    func observe(_ event: WeaveEvent) {
        let task = event.task ?? "?"
        let line: String
        switch event.kind {
        case .weaveStarted: line = "weave started (\(event.taskCount ?? -1) tasks)"
        case .taskStarted: line = "\(task) started"
        case .attemptStarted: line = "\(task) attempt \(event.attempt ?? -1) started"
        case .attemptFailed:
            line = "\(task) attempt \(event.attempt ?? -1) failed\(event.willRetry ? ", retrying" : "")"
        case .taskFinished: line = "\(task) finished"
        case .taskFailed: line = "\(task) failed\(event.duration == nil ? " (never ran)" : "")"
        case .taskCancelled: line = "\(task) cancelled"
        case .weaveFinished: line = "weave finished\(event.error == nil ? "" : " with an error")"
        default: line = "unknown event \(event.kind)"
        }
        log.withLock { $0.append(line) }
    }

    var events: [String] { log.withLock { $0 } }
}

@Suite("Observer events")
struct ObserverTests {
    @Test("a chain with one retry reports events in order")
    func eventOrder() async throws {
        let recorder = EventRecorder()
        let attempts = AttemptCounter()
        _ = try await weave(options: .observer(recorder)) {
            Task("fetch") { 1 }
            Task("parse", after: "fetch") { (raw: Int) throws -> Int in
                if attempts.next() == 1 { throw Boom(code: 0) }
                return raw + 1
            }
            .retries(1)
        }
        #expect(
            recorder.events == [
                "weave started (2 tasks)", "fetch started", "fetch attempt 1 started", "fetch finished",
                "parse started", "parse attempt 1 started", "parse attempt 1 failed, retrying",
                "parse attempt 2 started", "parse finished", "weave finished",
            ])
    }

    @Test("a failure is reported before the cancellations it causes")
    func failureBeforeCancellations() async throws {
        let recorder = EventRecorder()
        _ = try await weave(options: .errorMode(.return), .observer(recorder)) {
            Task("slow") { () async throws -> Int in
                try await Task.sleep(for: .seconds(30))
                return 1
            }
            Task("bad") { () async throws -> Int in
                try await Task.sleep(for: .milliseconds(20))
                throw Boom(code: 1)
            }
        }
        let events = recorder.events
        let failed = try #require(events.firstIndex(of: "bad failed"))
        let cancelled = try #require(events.firstIndex(of: "slow cancelled"))
        #expect(failed < cancelled, "\(events)")
    }

    @Test("failures and the dependents they stop are reported")
    func failureEvents() async throws {
        let recorder = EventRecorder()
        _ = try await weave(options: .errorMode(.return), .observer(recorder)) {
            Task("bad") { () throws -> Int in throw Boom(code: 1) }
            Task("after_bad", after: "bad") { (value: Int) in value }
        }
        #expect(
            recorder.events == [
                "weave started (2 tasks)", "bad started", "bad attempt 1 started", "bad attempt 1 failed",
                "bad failed",
                "after_bad failed (never ran)", "weave finished with an error",
            ])
    }

    @Test("every event names its weave and run, and task events their environment")
    func identity() async throws {
        let events = EventLog()
        _ = try await weave(options: .name("nightly"), .observer(events)) {
            Task("a") { 1 }
        }
        _ = try await weave(options: .observer(events)) { Task("b") { 2 } }
        let all = events.all
        let first = all.filter { $0.weave == "nightly" }
        let second = all.filter { $0.weave == "weave" }
        #expect(first.count == 5 && second.count == 5, "\(all)")
        #expect(Set(first.map(\.weaveID)).count == 1 && Set(second.map(\.weaveID)).count == 1)
        #expect(first[0].weaveID != second[0].weaveID)
        #expect(first.filter { $0.task != nil }.allSatisfy { $0.environment == "local" })
        #expect(
            first.first { $0.kind == .attemptStarted }?.queueWait != nil,
            "a synchronous body's wait for a thread")
    }

    @Test("a mapped task reports its item count, and each item as it finishes")
    func mappedItems() async throws {
        let events = EventLog()
        _ = try await weave(["ids": [1, 2, 3]], options: .observer(events)) {
            Task("double", mapping: "ids") { (id: Int) async in id * 2 }
        }
        let all = events.all
        let started = try #require(all.first { $0.kind == .mappingStarted })
        #expect(started.task == "double" && started.itemCount == 3)
        let finished = all.filter { $0.kind == .itemFinished }
        // Items finish on several tasks at once, so the counts may arrive in either order
        // (documented on `itemsFinished`); each count comes once.
        #expect(
            finished.compactMap(\.itemsFinished).sorted() == [1, 2, 3], "\(finished.map(\.itemsFinished))")
        #expect(Set(finished.compactMap(\.item)) == [0, 1, 2] && finished.allSatisfy { $0.itemCount == 3 })
        let attempts = all.filter { $0.kind == .attemptStarted }
        #expect(Set(attempts.compactMap(\.item)) == [0, 1, 2] && attempts.allSatisfy { $0.attempt == 1 })
    }

    @Test("a run in a stdio worker is reported sent, started and finished; a failing one with its error")
    func remoteEvents() async throws {
        let events = EventLog()
        _ = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["value": 4], options: .errorMode(.return), .observer(events)) {
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                // After `double`: the first failure would cancel it.
                Task("code", after: "double") { (double: Int) in double }
                Task("fail", after: "code") { (code: Int) -> Int in code }.environment("remote")
            }
        }
        let all = events.all
        for task in ["double", "fail"] {
            let remote = all.filter { $0.task == task && $0.runID != nil }
            #expect(
                remote.map(\.kind) == [.remoteRunSent, .remoteRunStarted, .remoteRunFinished],
                "\(task): \(remote)")
            #expect(Set(remote.map(\.runID)).count == 1 && remote.allSatisfy { $0.environment == "remote" })
            #expect(remote.allSatisfy { $0.attempt == 1 })
            #expect(remote.first?.queueWait != nil && remote.last?.duration != nil)
        }
        #expect(all.last { $0.task == "double" && $0.runID != nil }?.error == nil)
        #expect(all.last { $0.task == "fail" && $0.runID != nil }?.error != nil)
    }

    @Test("a weave run inside an observed task tells the outer weave's observers nothing of its runs")
    func nestedWeave() async throws {
        let events = EventLog()
        _ = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["value": 4], options: .observer(events)) {
                Task("outer", after: "value") { (value: Int) async throws -> Int in
                    let inner = try await weave(["value": value]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                    return try inner.value("double", as: Int.self)
                }
            }
        }
        let all = events.all
        #expect(all.contains { $0.kind == .taskFinished && $0.task == "outer" })
        #expect(all.allSatisfy { $0.runID == nil }, "the inner weave's run is not the outer task's: \(all)")
    }

    @Test("observers given twice, and the configuration's, all hear every event, the weave's first")
    func severalObservers() async throws {
        let order = LockedValue<[String]>([])
        struct Named: WeaveObserver {
            let name: String
            let order: LockedValue<[String]>
            func observe(_ event: WeaveEvent) {
                if event.kind == .weaveStarted { order.withLock { $0.append(name) } }
            }
        }
        var configuration = Wove.configuration
        configuration.observers = [Named(name: "configured", order: order)]
        try await Wove.withConfiguration(configuration) {
            _ = try await weave(
                options: .observer(Named(name: "one", order: order)),
                .observer(Named(name: "two", order: order))
            ) {
                Task("a") { 1 }
            }
        }
        #expect(order.withLock { $0 } == ["one", "two", "configured"])
    }

    @Test("configurations with the same observers assigned separately are not equal; without any, they are")
    func observerEquality() {
        var first = WoveConfiguration()
        var second = WoveConfiguration()
        #expect(first == second)
        first.observers = [EventLog()]
        second.observers = first.observers
        #expect(first != second)
        second = first
        #expect(first == second)
    }
}

/// Keeps every event.
final class EventLog: WeaveObserver {
    private let log = LockedValue<[WeaveEvent]>([])

    func observe(_ event: WeaveEvent) { log.withLock { $0.append(event) } }

    var all: [WeaveEvent] { log.withLock { $0 } }
}
