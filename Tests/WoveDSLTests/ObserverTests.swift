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
                "weave started (2 tasks)", "fetch started", "fetch finished", "parse started",
                "parse attempt 1 failed, retrying", "parse finished", "weave finished",
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
                "weave started (2 tasks)", "bad started", "bad attempt 1 failed", "bad failed",
                "after_bad failed (never ran)", "weave finished with an error",
            ])
    }
}
