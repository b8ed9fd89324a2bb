import Foundation
import Testing
import WoveDSL

@testable import WoveRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The tasks below mirror Tests/WoveTestWorker/main.swift by name and signature: a task crosses
// processes by name, and the worker runs its own declaration of it.

@Suite("stdio executor and worker processes", .serialized)
struct StdioTests {
    private let ownPID = Int(ProcessInfo.processInfo.processIdentifier)

    // MARK: Weaves

    @Test("a weave mixing local and stdio tasks returns the same typed results as a local run")
    func mixedWeaveEqualsLocalRun() async throws {
        @WeaveBuilder func graph(_ environment: String) -> TaskList {
            Task("value", after: "seed") { (seed: Int) in seed + 1 }
            Task("double", after: "value") { (value: Int) in value * 2 }.environment(environment)
            Task("sleepy", after: "ms") { (ms: Int) async throws -> Int in
                try await Task.sleep(for: .milliseconds(ms))
                return ms
            }
            .environment(environment)
            Task("combined", after: "double", "sleepy") { (double: Int, sleepy: Int) in
                ["double": double, "sleepy": sleepy]
            }
        }
        let remote = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["seed": 20, "ms": 30]) { graph("remote") }
        }
        let local = try await weave(["seed": 20, "ms": 30]) { graph("local") }
        #expect(try remote.value("double", as: Int.self) == 42)
        #expect(try remote.final(as: [String: Int].self) == local.final(as: [String: Int].self))
        #expect(try remote.final(as: [String: Int].self) == ["double": 42, "sleepy": 30])
    }

    @Test("a mapped stdio task sends one run per item over two workers; results equal a local run")
    func mappedTask() async throws {
        @WeaveBuilder func graph(_ environment: String) -> TaskList {
            Task("values") { Array(0..<40) }
            Task("plus_one", mapping: "values") { (item: Int) in item + 1 }.environment(environment)
        }
        let remote = try await Wove.withConfiguration(TestWorkerProcess.configuration(workers: 2)) {
            try await weave { graph("remote") }
        }
        let local = try await weave { graph("local") }
        #expect(try remote.value("plus_one", as: [Int].self) == Array(1...40))
        #expect(try remote.value("plus_one", as: [Int].self) == local.value("plus_one", as: [Int].self))
    }

    @Test(
        "through a real worker, a run past its delivery timeout fails fast; heartbeats keep a long one alive")
    func deliveryThroughWorker() async throws {
        let sleepy = Task("sleepy", after: "ms") { (ms: Int) async throws -> Int in
            try await Task.sleep(for: .milliseconds(ms))
            return ms
        }
        .environment("remote")
        let (timedOut, duration) = await elapsed {
            await #expect(throws: DeliveryTimeoutError.self) {
                try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
                    try await weave(["ms": 10_000]) { sleepy.delivery(timeout: .milliseconds(200)) }
                }
            }
        }
        #expect(timedOut?.limit == .delivery)
        #expect(duration < .seconds(5), "the weave does not wait for the worker's 10 s sleep")
        let alive = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["ms": 2_500]) { sleepy.delivery(heartbeat: .seconds(1)) }
        }
        #expect(try alive.value("sleepy", as: Int.self) == 2_500)
    }

    @Test("a stdio task runs in another process, which does not pass WOVE_WORKER on")
    func runsInAnotherProcess() async throws {
        @WeaveBuilder func graph(_ environment: String) -> TaskList {
            Task("echo_pid") { Int(ProcessInfo.processInfo.processIdentifier) }.environment(environment)
            Task("worker_variable") { () -> String in
                ProcessInfo.processInfo.environment["WOVE_WORKER"] ?? "unset"
            }
            .environment(environment)
        }
        let remote = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave { graph("remote") }
        }
        let local = try await weave { graph("local") }
        #expect(try local.value("echo_pid", as: Int.self) == ownPID)
        let workerPID = try remote.value("echo_pid", as: Int.self)
        #expect(workerPID != ownPID && workerPID > 0)
        // Started with WOVE_WORKER=1, the worker removes it before serving.
        #expect(try remote.value("worker_variable", as: String.self) == "unset")
    }

    @Test("many runs in flight at once, through one and through two worker processes", arguments: [1, 2])
    func manyInFlight(workers: Int) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await Wove.withConfiguration(TestWorkerProcess.configuration(workers: workers)) {
            try await weave(["ms": 300]) {
                for index in 0..<12 {
                    Task("pid_after_\(index)", after: "ms") { (ms: Int) async throws -> Int in
                        try await Task.sleep(for: .milliseconds(ms))
                        return Int(ProcessInfo.processInfo.processIdentifier)
                    }
                    .environment("remote")
                }
            }
        }
        let elapsed = clock.now - start
        let pids = try Set((0..<12).map { try result.value("pid_after_\($0)", as: Int.self) })
        #expect(pids.count == workers, "runs spread over every process: \(pids)")
        #expect(!pids.contains(ownPID))
        // Twelve 300 ms runs one after another would take 3.6 s.
        #expect(elapsed < .milliseconds(2500), "took \(elapsed)")
    }

    @Test("a worker killed mid-task fails that task with a transport error; local tasks keep their values")
    func workerDiesMidTask() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["ms": 200], options: .errorMode(.return)) {
                Task("local_value") { 7 }
                Task("local_after", after: "local_value") { (value: Int) in value + 1 }
                Task("crash", after: "ms") { (ms: Int) async throws -> Int in
                    try await Task.sleep(for: .milliseconds(ms))
                    exit(3)
                }
                .environment("remote")
            }
        }
        #expect(clock.now - start < .seconds(15))
        let error = try #require(result.errors["crash"] as? EnvironmentExecutionError)
        #expect(error.payload.source == .transport)
        #expect(error.environment == "remote" && error.taskName == "crash")
        #expect(error.payload.message.contains("closed stdout unexpectedly"), "\(error)")
        #expect(error.payload.message.contains("exit status 3"), "\(error)")
        #expect(error.payload.message.contains(TestWorkerProcess.path), "\(error)")
        #expect(try result.value("local_value", as: Int.self) == 7)
        #expect(try result.value("local_after", as: Int.self) == 8)
    }

    @Test("cancelling a weave with a stdio run in flight ends promptly")
    func cancelInFlight() async throws {
        let clock = ContinuousClock()
        let caller = Task {
            try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
                try await weave(["ms": 30_000]) {
                    Task("sleepy", after: "ms") { (ms: Int) async throws -> Int in
                        try await Task.sleep(for: .milliseconds(ms))
                        return ms
                    }
                    .environment("remote")
                }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let start = clock.now
        caller.cancel()
        let outcome = await caller.result
        #expect(clock.now - start < .seconds(5))
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    @Test("a malformed line from the worker is skipped: every run still gets its result")
    func malformedLineSkipped() async throws {
        let result = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["value": 4, "ms": 150]) {
                Task("sleepy", after: "ms") { (ms: Int) async throws -> Int in
                    try await Task.sleep(for: .milliseconds(ms))
                    return ms
                }
                .environment("remote")
                Task("garbage", after: "value") { (value: Int) -> Int in value + 1 }.environment("remote")
                Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
            }
        }
        #expect(try result.value("garbage", as: Int.self) == 5)
        #expect(try result.value("double", as: Int.self) == 8)
        #expect(try result.value("sleepy", as: Int.self) == 150)
    }

    @Test("a worker that stops reading its stdin fails the run after write_timeout instead of hanging")
    func workerNotReading() async throws {
        let configuration = WoveConfiguration(environments: [
            "remote": EnvironmentSettings(
                executor: .stdio(command: ["/bin/sleep", "30"], writeTimeout: .milliseconds(300)))
        ])
        let text = String(repeating: "x", count: 4_000_000)  // far more than a socket buffer holds
        let (error, duration) = await elapsed {
            await #expect(throws: EnvironmentExecutionError.self) {
                try await Wove.withConfiguration(configuration) {
                    try await weave(["text": text]) {
                        Task("echo_text", after: "text") { (text: String) in text }.environment("remote")
                    }
                }
            }
        }
        #expect(error?.payload.source == .transport)
        #expect(error?.payload.message.contains("send failed") == true, "\(String(describing: error))")
        #expect(duration < .seconds(10))
    }

    @Test("a task error in the worker arrives with source task, its type and message")
    func workerTaskError() async throws {
        let error = try await #require(throws: EnvironmentExecutionError.self) {
            try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
                try await weave(["code": 9]) {
                    Task("fail", after: "code") { (code: Int) throws -> Int in throw Boom(code: code) }
                        .environment("remote")
                }
            }
        }
        #expect(error.payload.source == .task)
        #expect(error.payload.kind.hasSuffix("WorkerFailure"))
        #expect(error.payload.message == "worker failure 9")
    }

    @Test("a worker command that cannot start fails the task with an error naming the command")
    func badCommand() async throws {
        // Executable, but in no format the kernel runs (no `#!` line).
        let notAProgram = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wove-not-a-program-\(UUID().uuidString)"
        ).path
        // Written through a close-on-exec descriptor: a child another test starts meanwhile must
        // not hold it open for writing, or starting it would fail with "Text file busy" instead.
        let file = open(notAProgram, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        try #require(file >= 0)
        let text = Array("not a program\n".utf8)
        #expect(write(file, text, text.count) == text.count)
        close(file)
        defer { try? FileManager.default.removeItem(atPath: notAProgram) }
        for (command, reason) in [
            ("/nonexistent/wove-worker", "'/nonexistent/wove-worker' does not exist"),
            ("no-such-wove-worker-command", "'no-such-wove-worker-command' was not found on PATH"),
            (notAProgram, "posix_spawn failed: Exec format error (errno \(ENOEXEC))"),
        ] {
            let clock = ContinuousClock()
            let start = clock.now
            let error = try await #require(throws: EnvironmentExecutionError.self) {
                try await Wove.withConfiguration(TestWorkerProcess.configuration(command: [command])) {
                    try await weave(["value": 1]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
            }
            #expect(error.taskName == "double" && error.payload.source == .executor)
            #expect(
                error.payload.message
                    == "Environment 'remote' could not start: Cannot start stdio worker command '\(command)': "
                    + "\(reason).")
            #expect(clock.now - start < .seconds(5))
        }
    }

    // MARK: Configuration

    @Test("executor_config is checked when the configuration is set, naming the key path")
    func configurationValidation() throws {
        let cases: [([String: JSONValue], String)] = [
            (
                ["command": 42],
                "environments.remote.executor_config.command is 42; it must be a non-empty array"
            ),
            (["command": []], "environments.remote.executor_config.command is []; it must be"),
            (["command": [1]], "environments.remote.executor_config.command is [1]; it must be"),
            (["command": [""]], "environments.remote.executor_config.command is [\"\"]; it must be"),
            (["command": "  "], "environments.remote.executor_config.command is \"  \"; it must be"),
            (["command": "worker 'open"], "its ' quote is never closed"),
            (
                ["workers": 0],
                "environments.remote.executor_config.workers is 0; it must be a whole number from 1 to 1024"
            ),
            (
                ["workers": 1_000_000],
                "executor_config.workers is 1000000; it must be a whole number from 1 to 1024"
            ),
            (
                ["write_timeout": 1e300],
                "executor_config.write_timeout is 1e+300; it must be a positive number"
            ),
            (["write_timeout": 0], "executor_config.write_timeout is 0; it must be a positive number"),
            (
                ["keep_alive": -1],
                "environments.remote.executor_config.keep_alive is -1; it must be zero or a positive number"
            ),
            (["keep_alive": "soon"], "executor_config.keep_alive is \"soon\"; it must be zero or a positive"),
            (
                ["workers": "2"],
                "environments.remote.executor_config.workers is \"2\"; it must be a whole number"
            ),
            (["workers": 1.5], "environments.remote.executor_config.workers is 1.5;"),
            (
                ["worker": 2],
                "environments.remote.executor_config.worker is not a setting of the stdio executor"
            ),
        ]
        for (config, message) in cases {
            let error = try #require(throws: WeaveError.self) {
                try WoveConfiguration(environments: [
                    "remote": EnvironmentSettings(executor: .stdio(configuration: config))
                ])
                .validate()
            }
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains(message), "\(error.message)")
        }
        let unknown = try #require(throws: WeaveError.self) {
            try ExecutorProvider.named("carrier-pigeon", at: "environments.remote")
        }
        #expect(unknown.message.contains("environments.remote.executor is 'carrier-pigeon'"), "\(unknown)")
        #expect(unknown.message.contains("local") && unknown.message.contains("stdio"), "\(unknown)")
        // An integration not registered in this process (the network ones may be, by their tests).
        let integration = try #require(throws: MissingDispatchFeatureError.self) {
            try ExecutorProvider.named("slurm", at: "environments.remote")
        }
        #expect(integration.trait == "Slurm")
        #expect(integration.description.contains("traits: [\"Slurm\"]"), "\(integration)")
        #expect(integration.reason.contains("ExecutorProvider.registerSlurmExecutors()"), "\(integration)")
        let valid = EnvironmentSettings(executor: .stdio(command: ["w"], workers: 3))
        try WoveConfiguration(environments: ["remote": valid]).validate()
        #expect(!valid.isLocal)
        #expect(EnvironmentSettings.local.isLocal)
    }

    @Test("a command string is split like a shell command line; no command means the current executable")
    func commandForms() throws {
        let split = try StdioConfiguration(
            ["command": #"/opt/my worker/bin 'a b' "c \"d\"" e\ f"#], at: "x")
        #expect(split.resolvedCommand == ["/opt/my", "worker/bin", "a b", #"c "d""#, "e f"])
        let array = try StdioConfiguration(["command": ["/bin/w", "--flag"], "workers": 2], at: "x")
        #expect(array.resolvedCommand == ["/bin/w", "--flag"] && array.workers == 2)
        let defaults = try StdioConfiguration([:], at: "x")
        #expect(defaults.workers == 1)
        let current = try #require(defaults.resolvedCommand.first)
        #expect(defaults.resolvedCommand.count == 1)
        #expect(FileManager.default.isExecutableFile(atPath: current))
        #expect(
            URL(fileURLWithPath: current).deletingLastPathComponent() == TestWorkerProcess.productsDirectory)
    }

    @Test("wove_config.json accepts executor_config and checks it")
    func configurationFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wove-stdio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("wove_config.json")
        try Data(
            #"""
            {"environments": {"remote": {"executor": "stdio",
              "executor_config": {"command": ["/bin/worker", "--fast"], "workers": 2, "nested": {"a": [true, 1.5, null]}}}}}
            """#.utf8
        ).write(to: file)
        let unknownKey = try #require(throws: WeaveError.self) {
            try Wove.readConfigFile(searchingFrom: directory)
        }
        #expect(unknownKey.message.contains("environments.remote.executor_config.nested is not a setting"))
        try Data(
            #"{"environments": {"remote": {"executor": "stdio", "executor_config": {"command": ["/bin/worker", "--fast"], "workers": 2}}}}"#
                .utf8
        ).write(to: file)
        let loaded = try #require(try Wove.readConfigFile(searchingFrom: directory))
        let remote = try #require(loaded.configuration.environments["remote"])
        #expect(remote.executor.name == "stdio" && !remote.isLocal)
        #expect(remote.executor.configuration == ["command": ["/bin/worker", "--fast"], "workers": 2])
        try Data(
            #"{"environments": {"remote": {"executor": "stdio", "executor_config": {"workers": 0}}}}"#.utf8
        )
        .write(to: file)
        let invalid = try #require(throws: WeaveError.self) {
            try Wove.readConfigFile(searchingFrom: directory)
        }
        #expect(invalid.message.contains("environments.remote.executor_config.workers is 0"))
    }

    @Test("weave runs with stdio workers leave no descriptors behind")
    func noLeakedDescriptors() async throws {
        #if os(Linux)
            let directory = "/proc/self/fd"
        #else
            let directory = "/dev/fd"
        #endif
        func openDescriptors() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: directory).count
        }
        func run() async throws {
            let result = try await Wove.withConfiguration(TestWorkerProcess.configuration(workers: 2)) {
                try await weave(["value": 1]) {
                    Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                }
            }
            #expect(try result.final(as: Int.self) == 2)
        }
        try await run()  // Foundation opens a few descriptors of its own on the first launch.
        let before = try openDescriptors()
        for _ in 0..<10 { try await run() }
        let after = try openDescriptors()
        // Each leaked process would leave at least its two sockets: 40 over these runs. Other
        // suites running in parallel may hold a few descriptors at either moment.
        #expect(after - before < 15, "\(before) descriptors before, \(after) after")
    }

    // MARK: The executor itself

    @Test("send and recv before start throw; stop is idempotent and ends recv")
    func lifecycleErrors() async throws {
        let executor = StdioExecutor()
        let sendError = await #expect(throws: StdioExecutorError.self) {
            try await executor.send(.shutdown)
        }
        #expect(sendError?.description == "Stdio executor is not started.")
        let recvError = await #expect(throws: StdioExecutorError.self) { try await executor.recv() }
        #expect(recvError?.reason == .notStarted)
        let started = try await StdioHarness.startedExecutor()
        try await started.stop()
        try await started.stop()
        let afterStop = await #expect(throws: StdioExecutorError.self) { try await started.recv() }
        #expect(afterStop?.reason == .stopped)
        let sendAfterStop = await #expect(throws: StdioExecutorError.self) {
            try await started.send(
                .runTask(runID: "a", taskID: "double", weave: nil, args: [:], delivery: Delivery()))
        }
        #expect(sendAfterStop?.reason == .stopped)
    }

    @Test("the worker emits heartbeats while a run with delivery_heartbeat_seconds is active")
    func heartbeats() async throws {
        let executor = try await StdioHarness.startedExecutor()
        try await executor.send(
            .runTask(
                runID: "beat", taskID: "sleepy", weave: nil, args: ["ms": 400],
                delivery: Delivery(heartbeatSeconds: 0.05)))
        try await executor.send(
            .runTask(runID: "quiet", taskID: "sleepy", weave: nil, args: ["ms": 400], delivery: Delivery()))
        let frames = try await StdioHarness.receive(from: executor, until: 2) { $0.type == "task_result" }
        try await executor.stop()
        let beats = frames.filter { $0.type == "heartbeat" }
        #expect(beats.count >= 3, "\(frames)")
        #expect(beats.allSatisfy { $0 == .heartbeat(runID: "beat", taskID: "sleepy") })
        #expect(frames.contains(.taskResult(runID: "quiet", taskID: "sleepy", result: 400)))
        let started = try #require(frames.firstIndex(of: .taskStarted(runID: "beat", taskID: "sleepy")))
        let result = try #require(
            frames.firstIndex(of: .taskResult(runID: "beat", taskID: "sleepy", result: 400)))
        #expect(started < result)
    }

    @Test("a malformed line surfaces as a log frame; the run that printed it still answers")
    func malformedLineAsLog() async throws {
        let executor = try await StdioHarness.startedExecutor()
        try await executor.send(
            .runTask(runID: "g", taskID: "garbage", weave: nil, args: ["value": 1], delivery: Delivery()))
        let frames = try await StdioHarness.receive(from: executor, until: 1) { $0.type == "task_result" }
        try await executor.stop()
        #expect(frames.last == .taskResult(runID: "g", taskID: "garbage", result: 2))
        let logs = frames.compactMap { frame -> String? in
            if case .log(let message) = frame { return message }
            return nil
        }
        #expect(logs.count == 1)
        #expect(logs.first?.contains("Skipped a malformed line from stdio worker") == true)
        #expect(logs.first?.hasSuffix("Line: this line is not a frame") == true, "\(logs)")
    }

    @Test("with two processes each cancel_task reaches the process running that run")
    func cancelFollowsRun() async throws {
        let executor = try await StdioHarness.startedExecutor(workers: 2)
        for runID in ["a", "b"] {
            try await executor.send(
                .runTask(
                    runID: runID, taskID: "sleepy", weave: nil, args: ["ms": 30_000], delivery: Delivery()))
        }
        _ = try await StdioHarness.receive(from: executor, until: 2) { $0.type == "task_started" }
        for runID in ["a", "b"] {
            try await executor.send(
                .cancelTask(runID: runID, taskID: "sleepy", cancelMode: .requireAck, orphanPolicy: .cancel))
        }
        let frames = try await StdioHarness.receive(from: executor, until: 2) { $0.type == "task_cancelled" }
        try await executor.stop()
        #expect(frames.contains(.taskCancelled(runID: "a", taskID: "sleepy")))
        #expect(frames.contains(.taskCancelled(runID: "b", taskID: "sleepy")))
    }

    @Test("stop ends every worker process, even one busy with a long run")
    func stopLeavesNoProcess() async throws {
        let executor = try await StdioHarness.startedExecutor(workers: 2)
        var pids: [Int] = []
        for runID in ["p1", "p2"] {
            try await executor.send(
                .runTask(runID: runID, taskID: "echo_pid", weave: nil, args: [:], delivery: Delivery()))
        }
        for frame in try await StdioHarness.receive(
            from: executor, until: 2, where: { $0.type == "task_result" })
        {
            if case .taskResult(_, _, .integer(let pid)) = frame { pids.append(pid) }
        }
        // A blocking body ignores cancellation: shutdown alone cannot end this worker quickly.
        try await executor.send(
            .runTask(runID: "stuck", taskID: "slow", weave: nil, args: ["ms": 30_000], delivery: Delivery()))
        _ = try await StdioHarness.receive(from: executor, until: 1) {
            $0 == .taskStarted(runID: "stuck", taskID: "slow")
        }
        let clock = ContinuousClock()
        let start = clock.now
        try await executor.stop()
        #expect(clock.now - start < .seconds(10))
        #expect(Set(pids).count == 2)
        for pid in pids {
            #expect(kill(pid_t(pid), 0) == -1 && errno == ESRCH, "process \(pid) is still there")
        }
    }

    // MARK: Worker mode

    @Test("serveStandardIO answers a malformed line with a log frame and goes on")
    func workerModeOverPipes() async throws {
        let (lines, status) = try await TestWorkerProcess.run(
            input: [
                "not json",
                #"{"type":"run_task","run_id":"d:1","task_id":"double","args":{"value":21}}"#,
                #"{"type":"bogus"}"#,
            ],
            environment: ["WOVE_WORKER": "1"])
        #expect(status == 0)
        let frames = try lines.map { try JSONDecoder().decode(WoveFrame.self, from: Data($0.utf8)) }
        #expect(frames.first == .log(message: "Invalid stdio worker frame: it is not JSON."))
        #expect(frames.contains(.log(message: "Invalid stdio worker frame: Unknown frame type 'bogus'.")))
        #expect(frames.contains(.taskStarted(runID: "d:1", taskID: "double")))
        #expect(frames.contains(.taskResult(runID: "d:1", taskID: "double", result: 42)))
        #expect(lines.allSatisfy { !$0.contains("\": ") && !$0.contains(", \"") }, "compact JSON: \(lines)")
    }

    @Test("runIfRequested returns at once unless WOVE_WORKER=1")
    func runIfRequestedOnlyInWorkerMode() async throws {
        let plain = try await TestWorkerProcess.run(input: [], environment: [:])
        #expect(plain.status == 64 && plain.lines.isEmpty)
        let other = try await TestWorkerProcess.run(input: [], environment: ["WOVE_WORKER": "0"])
        #expect(other.status == 64)
        let worker = try await TestWorkerProcess.run(input: [], environment: ["WOVE_WORKER": "1"])
        #expect(worker.status == 0)
        await WoveWorker { Task("x") { 1 } }.runIfRequested()  // this process is not a worker: returns
    }

    @Test("without a command, a program's stdio workers are the program itself, in worker mode")
    func defaultCommandEndToEnd() async throws {
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--host"], input: [], environment: [:])
        #expect(status == 0)
        let fields = try #require(lines.first).split(separator: " ").compactMap { Int($0) }
        #expect(lines.count == 1 && fields.count == 3, "\(lines)")
        guard fields.count == 3 else { return }
        #expect(fields[0] == 42)
        #expect(fields[1] != fields[2] && fields[1] > 0, "the worker is another process")
    }

    @Test("a host whose stdout is closed keeps it closed: no worker socket takes its number")
    func hostWithClosedStdout() async throws {
        let (lines, status) = try await TestWorkerProcess.run(
            arguments: ["--host-stdout-closed"], input: [], environment: [:])
        #expect(status == 0)
        // 42 from the worker; -1: the host's write to its stdout reached no worker.
        #expect(lines == ["42 -1"])
    }

    // MARK: Helpers
}
