import Foundation
import WoveDSL
import WoveRuntime

/// The weave every observability test observes: a task that fails once and is retried, a mapped
/// task, a task run by a real stdio worker process (Tests/WoveTestWorker, which declares `double`
/// the same way) in environment `remote`, then a task that fails and its dependent, never run.
enum ObservedWeave {
    static let name = "observed"

    /// Runs the weave with `observing`; the worker is started as `workerCommand` followed by its
    /// path (to set its environment with `/usr/bin/env`, say).
    static func run(_ observing: WeaveOption<ForegroundWeave>, workerCommand: [String] = []) async throws
        -> WoveResult
    {
        let attempts = LockedCount()
        let configuration = WoveConfiguration(environments: [
            "remote": EnvironmentSettings(executor: .stdio(command: workerCommand + [workerPath], workers: 1))
        ])
        return try await Wove.withConfiguration(configuration) {
            try await weave(
                ["ids": [1, 2, 3], "value": 21], options: .name(name), .errorMode(.return), observing
            ) {
                Task("flaky") { () throws -> Int in
                    if attempts.next() == 1 { throw Failure() }
                    return 1
                }
                .retries(1)
                Task("doubled_ids", mapping: "ids") { (id: Int) async in id * 2 }
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                // Last, since the first failure stops whatever else still runs.
                Task("bad", after: "flaky", "doubled_ids", "double") {
                    (_: Int, _: [Int], _: Int) throws -> Int in
                    throw Failure()
                }
                Task("after_bad", after: "bad") { (value: Int) in value }
            }
        }
    }

    /// The test worker, built next to this test bundle (the running executable on Linux).
    private static var workerPath: String {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(
            "WoveTestWorker"
        ).path
    }
}

struct Failure: Error {}

/// Counts calls, from any thread.
final class LockedCount: Sendable {
    private let count = LockedValue(0)

    func next() -> Int {
        count.withLock {
            $0 += 1
            return $0
        }
    }
}
