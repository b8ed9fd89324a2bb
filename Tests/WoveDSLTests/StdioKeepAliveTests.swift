import Foundation
import Testing
import WoveDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Each test uses an environment name of its own: kept processes are shared by the runs of one
// environment, and the suites run in parallel in one process.

@Suite("stdio worker processes kept alive between weave runs")
struct StdioKeepAliveTests {
    private static func configuration(_ environment: String, keepAlive: Duration, workers: Int = 1)
        -> WoveConfiguration
    {
        WoveConfiguration(environments: [
            environment: EnvironmentSettings(
                executor: .stdio(command: [TestWorkerProcess.path], workers: workers, keepAlive: keepAlive))
        ])
    }

    /// The pid of the worker process that ran `echo_pid` in `environment`.
    private static func workerPID(_ environment: String, keepAlive: Duration) async throws -> Int {
        let result = try await Wove.withConfiguration(configuration(environment, keepAlive: keepAlive)) {
            try await weave { Task("echo_pid") { Int(getpid()) }.environment(environment) }
        }
        return try result.value("echo_pid", as: Int.self)
    }

    private static func isRunning(_ pid: Int) -> Bool { kill(pid_t(pid), 0) == 0 }

    /// Waits up to 10 s for `pid` to be gone; returns whether it went.
    private static func waitUntilGone(_ pid: Int) async throws -> Bool {
        for _ in 0..<200 where isRunning(pid) { try await Task.sleep(for: .milliseconds(50)) }
        return !isRunning(pid)
    }

    @Test("the next weave run of the environment uses the process the last one kept")
    func nextRunUsesKeptProcess() async throws {
        let first = try await Self.workerPID("kept_reuse", keepAlive: .seconds(30))
        let second = try await Self.workerPID("kept_reuse", keepAlive: .seconds(30))
        #expect(first != Int(getpid()))
        #expect(second == first)
        #expect(Self.isRunning(first), "kept between runs")
    }

    @Test("without keep_alive every run starts its own process and stops it when it settles")
    func defaultStopsEachRunsProcess() async throws {
        let first = try await Self.workerPID("kept_none", keepAlive: .zero)
        #expect(try await Self.waitUntilGone(first))
        let second = try await Self.workerPID("kept_none", keepAlive: .zero)
        #expect(second != first)
    }

    @Test("a kept process is stopped once it has been idle for keep_alive")
    func idleProcessStops() async throws {
        let first = try await Self.workerPID("kept_expiring", keepAlive: .seconds(2))
        #expect(Self.isRunning(first), "kept when the run settled")
        #expect(try await Self.waitUntilGone(first), "stopped after 2 s idle")
        let second = try await Self.workerPID("kept_expiring", keepAlive: .seconds(2))
        #expect(second != first)
    }

    @Test("a kept process that dies while idle is dropped; the next run starts a fresh one and loses nothing")
    func deadKeptProcessIsReplaced() async throws {
        let first = try await Self.workerPID("kept_killed", keepAlive: .seconds(30))
        #expect(Self.isRunning(first), "kept when the run settled")
        kill(pid_t(first), SIGKILL)
        #expect(try await Self.waitUntilGone(first))
        let second = try await Self.workerPID("kept_killed", keepAlive: .seconds(30))
        #expect(second != first)
        #expect(Self.isRunning(second))
    }

    @Test("runs at the same time each get processes of their own, and both are kept for the next ones")
    func concurrentRunsShareNothing() async throws {
        let configuration = Self.configuration("kept_concurrent", keepAlive: .seconds(30))
        @Sendable func pid() async throws -> Int {
            let result = try await Wove.withConfiguration(configuration) {
                try await weave(["ms": 300]) {
                    Task("pid_after_0", after: "ms") { (ms: Int) async throws -> Int in
                        try await Task.sleep(for: .milliseconds(ms))
                        return Int(getpid())
                    }
                    .environment("kept_concurrent")
                }
            }
            return try result.value("pid_after_0", as: Int.self)
        }
        // Each run holds its process for 300 ms, longer than starting the other run takes.
        async let a = pid()
        async let b = pid()
        let first = try await [a, b]
        #expect(first[0] != first[1], "two runs at once never share a kept process")
        async let c = pid()
        async let d = pid()
        let second = try await [c, d]
        #expect(Set(second) == Set(first))
    }

    @Test("environments do not share kept processes")
    func environmentsAreSeparate() async throws {
        let first = try await Self.workerPID("kept_left", keepAlive: .seconds(30))
        let second = try await Self.workerPID("kept_right", keepAlive: .seconds(30))
        #expect(second != first)
    }

    @Test("a process with a run still in flight when the weave ends is stopped, not kept")
    func busyProcessIsNotKept() async throws {
        let configuration = Self.configuration("kept_busy", keepAlive: .seconds(30))
        let result = try await Wove.withConfiguration(configuration) {
            try await weave(["ms": 5_000], options: .errorMode(.return)) {
                // A blocking body the worker cannot cancel: past its delivery timeout it is
                // still running there, for 5 s, when the weave ends.
                Task("slow", after: "ms") { (ms: Int) in ms }
                    .environment("kept_busy").delivery(timeout: .milliseconds(300))
                Task("echo_pid") { Int(getpid()) }.environment("kept_busy")
            }
        }
        #expect(throws: DeliveryTimeoutError.self) { try result.value("slow", as: Int.self) }
        let pid = try result.value("echo_pid", as: Int.self)
        #expect(try await Self.waitUntilGone(pid), "stopped when the weave ended, not kept for 30 s")
        #expect(try await Self.workerPID("kept_busy", keepAlive: .seconds(30)) != pid)
    }
}
