import Foundation
import WoveDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `WoveTestWorker` executable (Tests/WoveTestWorker/main.swift), built with the tests as a
/// dependency of this test target, into the directory that holds the test bundle.
enum TestWorkerProcess {
    /// The worker's path: next to the test bundle, wherever the build put it.
    static var path: String { productsDirectory.appendingPathComponent("WoveTestWorker").path }

    /// The build products directory: the test bundle's directory.
    static var productsDirectory: URL {
        #if os(macOS)
            // The runner is `xctest` or `swiftpm-testing-helper`; the bundle is `….xctest`.
            if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
                return bundle.bundleURL.deletingLastPathComponent()
            }
        #endif
        // On Linux the test bundle is itself the running executable (`….xctest`).
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// A configuration whose `remote` environment runs tasks in `workers` test workers.
    static func configuration(workers: Int = 1, command: [String]? = nil) -> WoveConfiguration {
        WoveConfiguration(environments: [
            "remote": EnvironmentSettings(executor: .stdio(command: command ?? [path], workers: workers))
        ])
    }

    /// Runs the worker with `arguments` and `environment` added, feeds it `input`, closes its stdin, and returns
    /// its stdout lines and exit status once it exits.
    static func run(arguments: [String] = [], input: [String], environment: [String: String]) async throws
        -> (lines: [String], status: Int32)
    {
        try await run(arguments: arguments, bytes: input.map { Array($0.utf8) }, environment: environment)
    }

    /// As ``run(arguments:input:environment:)``, with each input line given as raw bytes.
    static func run(arguments: [String] = [], bytes input: [[UInt8]], environment: [String: String])
        async throws -> (lines: [String], status: Int32)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["WOVE_WORKER"] = nil
        variables.merge(environment) { _, new in new }
        process.environment = variables
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Read on a thread of its own: a full stdout pipe would otherwise block the worker.
        let output = Thread.detachedRead(stdout.fileHandleForReading)
        // Written on a thread of its own too: the worker answers while it reads. A worker that
        // dies early must fail the write, not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let writer = stdin.fileHandleForWriting
        Thread.detachNewThread {
            for line in input { try? writer.write(contentsOf: Data(line + [UInt8(ascii: "\n")])) }
            try? writer.close()
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw WorkerDidNotExit()
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        let data = await output.value
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return (lines, process.terminationStatus)
    }
}

struct WorkerDidNotExit: Error {}

extension Thread {
    /// Reads `handle` to its end on a new thread.
    fileprivate static func detachedRead(_ handle: FileHandle) -> Task<Data, Never> {
        let result = AsyncStream<Data>.makeStream()
        Thread.detachNewThread {
            result.continuation.yield(handle.readDataToEndOfFile())
            result.continuation.finish()
        }
        return Task {
            for await data in result.stream { return data }
            return Data()
        }
    }
}
