import Foundation
import Testing
import WoveDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Forked background runs")
struct ForkTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wove-fork-test-\(UUID().uuidString)")
            .path
    }

    @Test("a forked weave finishes in its own process after the parent has exited")
    func outlivesParent() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--fork-and-exit", path], input: [], environment: [:])
        #expect(status == 0)
        let pids = try #require(lines.first).split(separator: " ").compactMap { Int32($0) }
        let (parent, child) = (try #require(pids.first), try #require(pids.last))
        #expect(child > 0 && child != parent)
        #expect(kill(parent, 0) == -1, "the parent has exited")
        #expect(
            !FileManager.default.fileExists(atPath: path), "the child writes three seconds after starting")
        let deadline = ContinuousClock.now + .seconds(20)
        while !FileManager.default.fileExists(atPath: path) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(50))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == "120 \(child)")
    }

    @Test("a parent that waits gets the forked run's typed values, errors and cancellations")
    func typedResult() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--fork-and-wait", path], input: [], environment: [:])
        #expect(status == 0)
        #expect(
            lines.first
                == #"scaled=[10, 20, 30] total=60 boom=task:worker failure 60 cancelled=["write_total"]"#)
        #expect(!FileManager.default.fileExists(atPath: path), "write_total was cancelled by boom")
    }

    @Test("cancelling a forked run stops the child; its tasks count as cancelled and write nothing")
    func cancelled() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--fork-and-cancel", path], input: [], environment: [:])
        #expect(status == 0)
        #expect(lines.first == #"cancelled=["scaled", "total", "write_total"]"#)
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a worker whose program skipped runIfRequested refuses to start itself again")
    func refusesSelfSpawn() async throws {
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--forgetful"], input: [], environment: ["WOVE_WORKER": "1"])
        #expect(status == 0)
        let line = try #require(lines.first)
        #expect(line.hasPrefix("refused: WeaveError.cannotStartProcess"), "\(line)")
        #expect(line.contains("runIfRequested()"))
    }

    @Test("a weave with a task that is not Codable cannot fork, and nothing starts")
    func nonCodableTask() throws {
        let probe = Probe()
        let node = Task("opaque") {
            probe.record("ran")
            return NotCodable()
        }
        let error = try #require(throws: MissingDispatchFeatureError.self) {
            try weaveInBackground(options: .fork) { node }
        }
        #expect(error.taskName == "opaque" && error.location == node.location)
        #expect(error.reason.contains("forked process"))
        #expect(probe.events.isEmpty)
    }
}
