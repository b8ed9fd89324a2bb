import Foundation
import WoveDSL

#if Backends
    import WoveBackends
#endif

// A stdio worker for the tests in Tests/WoveDSLTests/StdioTests.swift, which declare the same
// tasks under the same names (a task crosses processes by name). Started with WOVE_WORKER=1 it
// serves them over stdin/stdout. With `--host` it is a program whose `remote` environment has no
// command, so the stdio executor starts this same executable as its worker; it prints
// "<double of 21> <worker pid> <own pid>". Otherwise it says so on stderr and exits with status 64.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct WorkerFailure: Error, CustomStringConvertible {
    let code: Int
    var description: String { "worker failure \(code)" }
}

let worker = WoveWorker(tracer: TraceRecording.tracer) {
    // Wrapping: a fuzzed value near Int.max must not trap the worker.
    Task("double", after: "value") { (value: Int) in value &* 2 }
    // A blocking body: runs on the worker's blocking lane.
    Task("slow", after: "ms") { (ms: Int) -> Int in
        usleep(useconds_t(min(max(ms, 0), 10_000) * 1000))
        return ms
    }
    Task("sleepy", after: "ms") { (ms: Int) async throws -> Int in
        try await Task.sleep(for: .milliseconds(ms))
        return ms
    }
    Task("fail", after: "code") { (code: Int) throws -> Int in throw WorkerFailure(code: code) }
    // Dies mid-task, as a killed worker would.
    Task("crash", after: "ms") { (ms: Int) async throws -> Int in
        try await Task.sleep(for: .milliseconds(ms))
        exit(3)
    }
    // Corrupts the protocol with a line that is not a frame, then answers normally.
    Task("garbage", after: "value") { (value: Int) -> Int in
        FileHandle.standardOutput.write(Data("this line is not a frame\n".utf8))
        return value + 1
    }
    Task("echo_pid") { () -> Int in Int(getpid()) }
    for index in 0..<8 { Task("length_\(index)", after: "text") { (text: String) in text.utf8.count } }
    // Dies the first time (when `marker` does not exist yet), answers its pid after that.
    Task("crash_once", after: "marker") { (marker: String) -> Int in
        if !FileManager.default.fileExists(atPath: marker) {
            _ = FileManager.default.createFile(atPath: marker, contents: nil)
            exit(3)
        }
        return Int(getpid())
    }
    Task("plus_one", mapping: "values") { (item: Int) in item + 1 }
    // Writes its pid to `path`, then sleeps: a job for the backend tests to cancel or kill.
    Task("pid_then_sleep", after: "path") { (path: String) async throws -> Int in
        try Data("\(getpid())".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try await Task.sleep(for: .seconds(300))
        return 0
    }
    Task("worker_variable") { () -> String in ProcessInfo.processInfo.environment["WOVE_WORKER"] ?? "unset" }
    // What StdioSpawnTests checks of how a worker was started.
    Task("descriptor_target", after: "descriptor") { (descriptor: Int) -> String in
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"))
            ?? "closed"
    }
    Task("process_group") { () -> [Int] in [Int(getpgrp()), Int(getpid())] }
    // Whether SIGPIPE is ignored here (its previous disposition, put back at once).
    Task("ignores_sigpipe") { () -> Bool in
        let previous = signal(SIGPIPE, SIG_DFL)
        signal(SIGPIPE, previous)
        return unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
    // Dies by a signal, as an out-of-memory kill would.
    Task("killed") { () -> Int in
        kill(getpid(), SIGKILL)
        return 0
    }
    Task("environment_value", after: "name") { (name: String) -> String in
        ProcessInfo.processInfo.environment[name] ?? "unset"
    }
    // The forked weave of ForkTests, declared by the program and found here by name.
    ForkedTasks().tasks
    forkedFailure
    for index in 0..<12 {
        Task("pid_after_\(index)", after: "ms") { (ms: Int) async throws -> Int in
            try await Task.sleep(for: .milliseconds(ms))
            return Int(getpid())
        }
    }
}

// A backend job (Tests/WoveBackendsTests) runs its one task and exits in runIfRequested().
#if Backends
    BackendWorker.enable()
#endif

// `--forgetful` and `--forgetful-host` play a program that forgot this call, to test the guard
// against self-spawning.
if !["--forgetful", "--forgetful-host"].contains(CommandLine.arguments.dropFirst().first) {
    await worker.runIfRequested()
}

/// The weave `--fork-and-exit` and `--fork-and-wait` continue in a forked child.
struct ForkedTasks: Weave {
    var tasks: some WeaveContent {
        Task("scaled", over: [1, 2, 3], after: "base") { (item: Int, base: Int) in item * base }
        Task("total", after: "scaled") { (scaled: [Int]) in scaled.reduce(0, +) }
        // Writes "<total> <pid>" after three seconds, so the parent is long gone by then, even on
        // a loaded machine.
        Task("write_total", after: "total", "path") { (total: Int, path: String) async throws -> Int in
            try await Task.sleep(for: .seconds(3))
            try Data("\(total) \(getpid())".utf8).write(to: URL(fileURLWithPath: path))
            return total
        }
    }
}

/// A failing task `--fork-and-wait` adds to the forked weave.
@WeaveBuilder var forkedFailure: TaskList {
    // Fails once `total` exists, while `write_total` is still sleeping.
    Task("boom", after: "total") { (total: Int) throws -> Int in throw WorkerFailure(code: total) }
}

switch CommandLine.arguments.dropFirst().first {
case "--fork-and-exit":
    // Forks the weave and exits at once; the child must finish on its own.
    let path = CommandLine.arguments.dropFirst(2).first ?? "/dev/null"
    let handle = try weaveInBackground(ForkedTasks(), ["base": 20, "path": path], options: .fork)
    print("\(getpid()) \(handle.processID ?? -1)")
    exit(0)
case "--fork-and-wait":
    // Forks the weave and waits for the typed result to come back.
    let path = CommandLine.arguments.dropFirst(2).first ?? "/dev/null"
    let handle = try weaveInBackground(ForkedTasks(), ["base": 10, "path": path], options: .fork) {
        forkedFailure
    }
    let result = await handle.result
    let boom = result.errors["boom"] as? EnvironmentExecutionError
    print(
        "scaled=\(try result.value("scaled", as: [Int].self)) total=\(try result.value("total", as: Int.self)) "
            + "boom=\(boom?.payload.source.rawValue ?? "none"):\(boom?.payload.message ?? "") "
            + "cancelled=\(result.cancelled.sorted())")
    exit(0)
case "--fork-and-cancel":
    // Forks the weave, cancels it at once, and reports what came back.
    let path = CommandLine.arguments.dropFirst(2).first ?? "/dev/null"
    let handle = try weaveInBackground(ForkedTasks(), ["base": 10, "path": path], options: .fork)
    handle.cancel()
    print("cancelled=\(await handle.result.cancelled.sorted())")
    exit(0)
case "--thread-cap":
    let arguments = CommandLine.arguments.dropFirst(2)
    try await ThreadCapProbe.run(
        cap: Int(arguments.first ?? "") ?? 8, nested: arguments.dropFirst().first == "nested")
    exit(0)
case "--forgetful-host":
    // Started as a worker, it runs its weave instead; starting its own stdio worker is refused,
    // and the error escapes top-level code, so the process dies explaining why on stderr.
    try Wove.config(environments: ["remote": EnvironmentSettings(executor: .stdio())])
    _ = try await weave { Task("echo_pid") { () -> Int in Int(getpid()) }.environment("remote") }
    exit(0)
case "--host-stdout-closed":
    // A host whose stdout is closed, as a daemon's may be: a worker's sockets must not take that
    // number, or what the host writes to its stdout would reach the worker. Prints
    // "<double of 21> <what a write to stdout returned>" on a copy of stdout made first.
    let report = dup(STDOUT_FILENO)
    close(STDOUT_FILENO)
    try Wove.config(environments: ["remote": EnvironmentSettings(executor: .stdio())])
    let result = try await weave(["value": 21]) {
        Task("double", after: "value") { (value: Int) in value &* 2 }.environment("remote")
        Task("stray_write", after: "double") { (_: Int) -> Int in
            let line = Array("not a frame\n".utf8)
            return write(STDOUT_FILENO, line, line.count)
        }
    }
    let text = Array(
        "\(try result.value("double", as: Int.self)) \(try result.value("stray_write", as: Int.self))\n".utf8)
    _ = write(report, text, text.count)
    exit(0)
case "--forgetful":
    do {
        _ = try weaveInBackground(ForkedTasks(), ["base": 1, "path": "/dev/null"], options: .fork)
        print("forked")
    } catch {
        print("refused: \(error)")
    }
    exit(0)
default: break
}

if CommandLine.arguments.dropFirst().first == "--host" {
    do {
        try Wove.config(environments: ["remote": EnvironmentSettings(executor: .stdio())])
        let result = try await weave(["value": 21]) {
            // Wrapping: a fuzzed value near Int.max must not trap the worker.
            Task("double", after: "value") { (value: Int) in value &* 2 }.environment("remote")
            Task("echo_pid") { () -> Int in Int(getpid()) }.environment("remote")
        }
        let double = try result.value("double", as: Int.self)
        let workerPID = try result.value("echo_pid", as: Int.self)
        print("\(double) \(workerPID) \(getpid())")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("WoveTestWorker --host failed: \(error)\n".utf8))
        exit(1)
    }
}
FileHandle.standardError.write(
    Data("WoveTestWorker serves test tasks only when started with WOVE_WORKER=1.\n".utf8))
exit(64)
