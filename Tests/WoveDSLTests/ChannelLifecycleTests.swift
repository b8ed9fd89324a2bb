import Foundation
import Testing
import WoveDSL

@testable import WoveRuntime

/// An executor that answers every `run_task` with its doubled `value`, records the order of
/// calls, can take its time sending, and can have a `recv()` that ignores cancellation or a
/// `stop()` that does not return until the test lets it.
private final class UnrulyExecutor: EnvironmentExecutor {
    private let events = FrameInbox()
    private let log = LockedValue<[String]>([])
    /// Keeps a `recv()` that ignores cancellation waiting until the test lets it go.
    let release = OneShotResult<Void>()
    let ignoresCancellation: Bool
    let stopHangs: Bool
    let sendDelay: Duration

    init(ignoresCancellation: Bool = false, stopHangs: Bool = false, sendDelay: Duration = .zero) {
        self.ignoresCancellation = ignoresCancellation
        self.stopHangs = stopHangs
        self.sendDelay = sendDelay
    }

    var calls: [String] { log.withLock { $0 } }

    private let recvCalls = LockedValue(0)

    /// Returns once `recv()` has been called `count` times (or after 20 seconds).
    func waitForRecvCalls(_ count: Int) async {
        let deadline = ContinuousClock.now + .seconds(20)
        while recvCalls.withLock({ $0 }) < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws
    {}

    func send(_ frame: WoveFrame) async throws {
        if sendDelay > .zero { try? await Task.sleep(for: sendDelay) }
        log.withLock { $0.append("send \(frame.type)") }
        if case .runTask(let runID, let taskID, _, let args, _, _) = frame,
            case .integer(let value)? = args["value"]
        {
            events.push(.taskResult(runID: runID, taskID: taskID, result: .integer(value * 2)))
        }
    }

    func recv() async throws -> WoveFrame {
        recvCalls.withLock { $0 += 1 }
        if ignoresCancellation {
            // Waits in a task of its own, which cancellation does not reach; once stop() has
            // ended the events, it hangs until the test lets it go.
            let events = self.events
            if let frame = try? await Task(operation: { try await events.next() }).value { return frame }
            try await release.value
            throw LoopbackError.closed
        }
        return try await events.next()
    }

    func stop() async throws {
        log.withLock { $0.append("stop") }
        events.fail(LoopbackError.closed)
        if stopHangs { try await release.value }
    }
}

@Suite("Environment channel lifecycle", .serialized)
struct ChannelLifecycleTests {
    private func configuration(_ executor: UnrulyExecutor, stopTimeout: Duration? = nil) -> WoveConfiguration
    {
        WoveConfiguration(environments: [
            "remote": EnvironmentSettings(executor: .shared(executor), stopTimeout: stopTimeout)
        ])
    }

    @Test(
        "a recv() that ignores cancellation cannot hang the weave: it returns after the stop timeout with a clear error"
    )
    func stopIsBounded() async throws {
        let executor = UnrulyExecutor(ignoresCancellation: true)
        defer { executor.release.resolve(.success(())) }
        let clock = ContinuousClock()
        let start = clock.now
        let error = try await #require(throws: WeaveError.self) {
            try await Wove.withConfiguration(configuration(executor, stopTimeout: .milliseconds(300))) {
                try await weave(["value": 21]) {
                    Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    // The weave ends only once the receive loop waits in recv() again, so the stop
                    // finds it there, whatever the machine's speed.
                    Task("settled", after: "double") { (double: Int) async in
                        await executor.waitForRecvCalls(2)
                        return double
                    }
                }
            }
        }
        let duration = clock.now - start
        #expect(error.code == .environmentDidNotStop)
        #expect(error.message.contains("'remote' (stop timeout 0.3 seconds)"), "\(error.message)")
        #expect(duration < .seconds(5), "\(duration)")
    }

    @Test("in .return mode the values survive an environment that did not stop, and the result says so")
    func stopFailureInReturnMode() async throws {
        // A stop() that hangs, not a recv() that ignores cancellation: the channel's receive loop
        // may see its cancellation before it calls recv() again, and then it stops in time.
        let executor = UnrulyExecutor(stopHangs: true)
        defer { executor.release.resolve(.success(())) }
        let result = try await Wove.withConfiguration(
            configuration(executor, stopTimeout: .milliseconds(200))
        ) {
            try await weave(["value": 21], options: .errorMode(.return)) {
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
            }
        }
        #expect(try result.value("double", as: Int.self) == 42)
        #expect((result.error as? WeaveError)?.code == .environmentDidNotStop)
    }

    @Test("cancel_task frames of a failing weave are sent before the executor stops, never after")
    func noSendAfterStop() async throws {
        let executor = UnrulyExecutor(sendDelay: .milliseconds(50))
        let result = try await Wove.withConfiguration(configuration(executor)) {
            try await weave(["value": 21], options: .errorMode(.return)) {
                Task("slow", after: "value") { (value: Int) in value }.environment("remote")
                Task("fails") { () async throws -> Int in
                    try await Task.sleep(for: .milliseconds(10))
                    throw Boom(code: 1)
                }
            }
        }
        #expect(result.errors["fails"] is Boom)
        let calls = executor.calls
        #expect(
            calls == ["send run_task", "send cancel_task", "stop"], "cancel follows its run, stop comes last")
        #expect(calls.filter { $0 == "stop" }.count == 1)
    }
}
