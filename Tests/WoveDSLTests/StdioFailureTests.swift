import Foundation
import Testing
import WoveDSL

@testable import WoveRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// Worker processes that die, stop reading or speak garbage: each failure lands on the runs it
/// concerns, and nothing else stalls.
@Suite("stdio failures", .serialized)
struct StdioFailureTests {
    @Test("a dying worker process fails only its own runs, naming the task; the other process answers")
    func deathFailsOnlyItsRuns() async throws {
        let executor = try await StdioHarness.startedExecutor(workers: 2)
        // The first run goes to the first process, the second to the other (fewest in flight).
        try await executor.send(
            .runTask(runID: "crash:1", taskID: "crash", weave: nil, args: ["ms": 200], delivery: Delivery()))
        try await executor.send(
            .runTask(runID: "sleepy:1", taskID: "sleepy", weave: nil, args: ["ms": 600], delivery: Delivery())
        )
        let frames = try await StdioHarness.receive(from: executor, until: 2) { frame in
            frame.type == "task_error" || frame.type == "task_result"
        }
        try await executor.stop()
        let crashError = frames.compactMap { frame -> RemoteError? in
            if case .taskError("crash:1", "crash", let error) = frame { return error }
            return nil
        }.first
        let error = try #require(crashError, "\(frames)")
        #expect(error.source == .transport && error.retryable)
        #expect(error.message.contains("Task 'crash' was running there"), "\(error.message)")
        #expect(error.message.contains("exit status 3"), "\(error.message)")
        #expect(frames.contains(.taskResult(runID: "sleepy:1", taskID: "sleepy", result: 600)))
        #expect(!frames.contains { $0.type == "task_error" && $0.runID == "sleepy:1" })
    }

    @Test("a run retried after its worker process died goes to a fresh process and succeeds")
    func retryAfterDeathGetsAFreshProcess() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("wove-crash-\(UUID())")
            .path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let result = try await Wove.withConfiguration(TestWorkerProcess.configuration(workers: 1)) {
            try await weave(["marker": marker]) {
                Task("crash_once", after: "marker") { (marker: String) -> Int in
                    if !FileManager.default.fileExists(atPath: marker) { exit(3) }
                    return Int(getpid())
                }
                .environment("remote").retries(1)
            }
        }
        let pid = try result.final(as: Int.self)
        #expect(pid != Int(getpid()) && pid > 0)
        #expect(FileManager.default.fileExists(atPath: marker), "the first attempt did crash")
    }

    @Test("a worker program that forgot runIfRequested() is reported with its own explanation from stderr")
    func deathCarriesStderr() async throws {
        let configuration = TestWorkerProcess.configuration(
            command: [TestWorkerProcess.path, "--forgetful-host"])
        let result = try await Wove.withConfiguration(configuration) {
            try await weave(["value": 1], options: .errorMode(.return)) {
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
            }
        }
        let error = try #require(result.errors["double"] as? EnvironmentExecutionError)
        #expect(error.payload.message.contains("closed stdout unexpectedly"), "\(error)")
        #expect(error.payload.message.contains("its stderr ended with:"), "\(error)")
        #expect(error.payload.message.contains("runIfRequested"), "\(error)")
    }

    @Test("a worker that stops reading holds back only its own runs; the weave's other work goes on")
    func stalledWorkerStallsOnlyItsRuns() async throws {
        // Two processes: the first started serves, the second never reads its stdin.
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("wove-stall-\(UUID())")
            .path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let script =
            "if mkdir '\(marker)' 2>/dev/null; then exec '\(TestWorkerProcess.path)'; else exec sleep 30; fi"
        let configuration = WoveConfiguration(environments: [
            "remote": EnvironmentSettings(
                executor: .stdio(command: ["/bin/sh", "-c", script], workers: 2, writeTimeout: .seconds(3)))
        ])
        // Frames of 1 MB fill the stalled process's socket buffer, so its writes must wait.
        let text = String(repeating: "x", count: 1 << 20)
        let probe = Probe()
        let (result, _) = try await elapsed {
            try await Wove.withConfiguration(configuration) {
                try await weave(["text": text], options: .errorMode(.return)) {
                    for index in 0..<8 {
                        Task("length_\(index)", after: "text") { (text: String) in text.utf8.count }
                            .environment("remote")
                    }
                    // Local async and sync work needs cooperative threads to go on.
                    Task("local_async") { () async throws -> Int in
                        try await Task.sleep(for: .milliseconds(100))
                        probe.record("local async done")
                        return 1
                    }
                    Task("local_after", after: "local_async") { (value: Int) in
                        probe.record("local chain done")
                        return value + 1
                    }
                }
            }
        }
        let localDone = try #require(probe.time(of: "local chain done"), "\(result.errors)")
        #expect(localDone < .seconds(2), "local work waited for the stalled worker: \(localDone)")
        #expect(try result.value("local_after", as: Int.self) == 2)
        let stalled = result.errors.values.compactMap { $0 as? EnvironmentExecutionError }
        #expect(!stalled.isEmpty, "runs sent to the stalled process fail after write_timeout")
        #expect(stalled.allSatisfy { $0.payload.source == .transport }, "\(stalled)")
    }

    @Test(
        "a process that stopped reading is replaced: a retry goes to a fresh process, and the stalled one is stopped"
    )
    func stalledWorkerIsReplaced() async throws {
        // One slot. Its first process records its pid and never reads its stdin; every later one
        // serves.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wove-unwritable-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = directory.path
        let pidFile = marker + ".pid"
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let script =
            "if mkdir '\(marker)' 2>/dev/null; then echo $$ > '\(pidFile)'; exec sleep 30; "
            + "else exec '\(TestWorkerProcess.path)'; fi"
        let configuration = WoveConfiguration(environments: [
            "remote": EnvironmentSettings(
                executor: .stdio(command: ["/bin/sh", "-c", script], workers: 1, writeTimeout: .seconds(1)))
        ])
        // A frame of 1 MB fills the stalled process's socket buffer, so its write must wait.
        let text = String(repeating: "x", count: 1 << 20)
        let (result, duration) = try await elapsed {
            try await Wove.withConfiguration(configuration) {
                try await weave(["text": text], options: .errorMode(.return)) {
                    Task("length_0", after: "text") { (text: String) in text.utf8.count }
                        .environment("remote").retries(1)
                }
            }
        }
        #expect(try result.value("length_0", as: Int.self) == 1 << 20, "\(result.errors)")
        #expect(duration < .seconds(20), "\(duration)")
        let stalledPID = try #require(
            Int32(
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: pidFile)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        // The weave waited for it to be stopped: it is gone (a zombie at most, reaped by now).
        #expect(kill(stalledPID, 0) != 0, "the stalled process \(stalledPID) still runs")
    }

    @Test(
        "a run in flight on a process that stopped reading fails at once when a later write fails, and its retry succeeds",
        .timeLimit(.minutes(1)))
    func runsOfAnUnwritableProcessFailAtOnce() async throws {
        // One slot. Its first process reads the first line (a run it never answers), records its
        // pid and reads nothing more; every later one serves.
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("wove-unread-\(UUID())")
            .path
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let pidFile = marker + ".pid"
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let script =
            "if mkdir '\(marker)' 2>/dev/null; then head -n 1 > /dev/null; echo $$ > '\(pidFile)'; exec sleep 30; "
            + "else exec '\(TestWorkerProcess.path)'; fi"
        let configuration = WoveConfiguration(environments: [
            "remote": EnvironmentSettings(
                executor: .stdio(command: ["/bin/sh", "-c", script], workers: 1, writeTimeout: .seconds(1)))
        ])
        let (result, duration) = try await elapsed {
            try await Wove.withConfiguration(configuration) {
                try await weave(options: .errorMode(.return)) {
                    // Sent first: the process reads it and never answers.
                    Task("echo_pid") { () -> Int in Int(getpid()) }.environment("remote").retries(1)
                    // Sent once the process has read that run (it writes its pid after), 1 MB: the
                    // process does not read it, so the write fails after 1 s.
                    Task("text") { () async throws -> String in
                        var polls = 0
                        while !FileManager.default.fileExists(atPath: pidFile), polls < 200 {
                            polls += 1
                            try await Task.sleep(for: .milliseconds(50))
                        }
                        return String(repeating: "x", count: 1 << 20)
                    }
                    Task("length_0", after: "text") { (text: String) in text.utf8.count }
                        .environment("remote").retries(1)
                }
            }
        }
        // Without taking the process out of service, `echo_pid` would wait for `sleep 30`.
        #expect(duration < .seconds(15), "\(duration)")
        #expect(try result.value("length_0", as: Int.self) == 1 << 20, "\(result.errors)")
        let stalledPID = try #require(
            Int(
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: pidFile)), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        let answeredBy = try result.value("echo_pid", as: Int.self)
        #expect(answeredBy != stalledPID && answeredBy > 0, "\(answeredBy)")
    }

    @Test(
        "a frame that cannot be read but names a run in flight fails that run instead of leaving it waiting")
    func malformedFrameFailsItsRun() async throws {
        // A fake worker: answers the first run with a frame that lacks task_id, then stays silent.
        let script =
            #"read line; id=$(printf '%s' "$line" | sed 's/.*"run_id":"\([^"]*\)".*/\1/'); "#
            + #"printf '{"type":"task_result","run_id":"%s"}\n' "$id"; exec sleep 30"#
        let executor = try await StdioHarness.startedExecutor(command: ["/bin/sh", "-c", .string(script)])
        try await executor.send(
            .runTask(
                runID: "double:7", taskID: "double", weave: nil, args: ["value": 1], delivery: Delivery()))
        let frames = try await StdioHarness.receive(from: executor, until: 1) { $0.type == "task_error" }
        try await executor.stop()
        #expect(frames.contains { $0.type == "log" })
        guard case .taskError("double:7", "double", let error)? = frames.last else {
            Issue.record("expected a task_error for the run: \(frames)")
            return
        }
        #expect(error.kind == "MalformedFrame" && error.source == .transport)
        #expect(error.message.contains("task_id"), "\(error.message)")
    }
}
