import Foundation
import Testing
import WoveDSL
import WoveRuntime

@Suite("Caller cancellation")
struct CancellationTests {
    @Test("cancelling the caller cancels the weave, which throws CancellationError promptly")
    func cancellingCallerCancelsWeave() async throws {
        let probe = Probe()
        let clock = ContinuousClock()
        let start = clock.now
        let caller = Task {
            try await weave {
                Task("sleeper") { () async throws -> Int in
                    probe.record("sleeper started")
                    try await Task.sleep(for: .seconds(30))
                    return 1
                }
                Task("dependent", after: "sleeper") { (n: Int) in
                    probe.record("dependent ran")
                    return n
                }
            }
        }
        while probe.events.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        caller.cancel()
        let outcome = await caller.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(clock.now - start < .seconds(5))
        #expect(probe.events == ["sleeper started"])
    }

    @Test("blocking tasks waiting for a worker do not start once the caller is cancelled")
    func queuedSyncTasksDoNotStart() async throws {
        let probe = Probe()
        // Holds the one worker until the caller is cancelled, however loaded the machine (a
        // blocker that merely slept could end first, and let the next one start).
        let gate = DispatchSemaphore(value: 0)
        let caller = Task {
            try await weave(options: .maxWorkers(1)) {
                for index in 0..<5 {
                    Task("blocker_\(index)") { () -> Int in
                        probe.record("blocker started")
                        _ = gate.wait(timeout: .now() + 20)
                        return index
                    }
                }
            }
        }
        while probe.events.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        caller.cancel()
        for _ in 0..<5 { gate.signal() }
        let outcome = await caller.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(probe.count(of: "blocker started") == 1)
    }

    @Test(
        "tasks that end with CancellationError because the caller was cancelled count as cancelled, not failed"
    )
    func callerCancellationIsNoFailure() async throws {
        // The caller's cancellation reaches the weave's tasks before the weave's own handler
        // runs; a task ending in between must still count as cancelled. Many rounds, since the
        // window is narrow.
        for _ in 0..<20 {
            let recorder = EventRecorder()
            let started = LockedValue(0)
            let caller = Task {
                try await weave(options: .errorMode(.return), .observer(recorder)) {
                    for index in 0..<4 {
                        Task("sleeper_\(index)") { () async throws -> Int in
                            started.withLock { $0 += 1 }
                            try await Task.sleep(for: .seconds(30))
                            return index
                        }
                    }
                }
            }
            while started.withLock({ $0 }) < 4 { try await Task.sleep(for: .milliseconds(1)) }
            caller.cancel()
            _ = await caller.result
            let failures = recorder.events.filter { $0.hasSuffix(" failed") && !$0.contains("attempt") }
            #expect(failures.isEmpty, "\(recorder.events)")
        }
    }

    @Test(
        "a weave of async tasks only, running side by side, stops promptly with CancellationError when its caller is cancelled"
    )
    func plainAsyncCallerCancellation() async throws {
        for _ in 0..<5 {
            let started = LockedValue(0)
            let clock = ContinuousClock()
            let start = clock.now
            let caller = Task {
                try await weave(options: .errorMode(.return)) {
                    for index in 0..<4 {
                        Task("sleeper_\(index)") { () async throws -> Int in
                            started.withLock { $0 += 1 }
                            try await Task.sleep(for: .seconds(30))
                            return index
                        }
                    }
                    Task("after_all", after: "sleeper_0", "sleeper_1") { (a: Int, b: Int) async in a + b }
                }
            }
            while started.withLock({ $0 }) < 4 { try await Task.sleep(for: .milliseconds(1)) }
            caller.cancel()
            // The sleepers sleep for 30 s: only the caller's cancellation, reaching each of them,
            // ends the weave this soon.
            let outcome = await caller.result
            #expect(throws: CancellationError.self) { try outcome.get() }
            #expect(clock.now - start < .seconds(10))
        }
    }

    @Test("a weave started already cancelled runs nothing")
    func startedCancelled() async throws {
        let probe = Probe()
        let caller = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await weave {
                Task("async_work") { () async throws in
                    try Task.checkCancellation()
                    probe.record("async ran")
                }
                Task("sync_work") { probe.record("sync ran") }
            }
        }
        let outcome = await caller.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(probe.events.isEmpty)
    }
}
