#if Backends
    import Foundation
    import Testing
    import WoveBackends
    import WoveDSL

    /// The schedulers the backend tests run against, and whether each is here. Without one, its
    /// suite is skipped, saying how to start it, unless `WOVE_REQUIRE_ENGINES=1` (as `.ci/run`
    /// sets), where a missing engine fails the suite.
    enum Engines {
        static var isRequired: Bool { ProcessInfo.processInfo.environment["WOVE_REQUIRE_ENGINES"] == "1" }

        static let howToStart = "start both with `eval \"$(.ci/engines start)\"`"

        /// Whether Slurm answers: `sinfo` runs and shows a node that can take jobs.
        static let slurmIsRunning: Bool = {
            guard let output = try? run(["sinfo", "-h", "-o", "%T"]) else { return false }
            // Any state a job can be scheduled from (idle, mixed, allocated, completing after the
            // last test run's jobs), not a down or drained node.
            let states = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            return !states.isEmpty && states.allSatisfy { !$0.hasPrefix("down") && !$0.hasPrefix("drain") }
        }()

        /// The Ray dashboard: `WOVE_RAY_ADDRESS`, else the default.
        static var rayAddress: URL {
            URL(string: ProcessInfo.processInfo.environment["WOVE_RAY_ADDRESS"] ?? "http://127.0.0.1:8265")
                ?? URL(fileURLWithPath: "/")
        }

        /// Whether Ray's Jobs API answers at ``rayAddress``.
        static let rayIsRunning: Bool = {
            (try? run(["curl", "-sf", "--max-time", "3", rayAddress.absoluteString + "/api/version"]))?
                .contains("version")
                ?? false
        }()

        /// Fails the test if the engine is required but absent.
        static func require(_ running: Bool, _ name: String) throws {
            guard running else {
                Issue.record("WOVE_REQUIRE_ENGINES=1, but \(name) is not running: \(howToStart).")
                throw CancellationError()
            }
        }

        /// Runs `command` to its end and returns its stdout; for test set-up only, off the pool.
        static func run(_ command: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = command
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw EngineCommandError(
                    description: "\(command.joined(separator: " ")) exited with \(process.terminationStatus)")
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    struct EngineCommandError: Error, CustomStringConvertible {
        let description: String
    }

    /// The test worker, which serves backend jobs: built with the tests, next to them.
    enum TestWorker {
        static var path: String {
            let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
            return executable.resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("WoveTestWorker").path
        }
    }
#endif
