import Foundation
import Testing
import WoveDSL

/// Precedence tests use `Wove.withConfiguration`, a task-local scope, because tests run in
/// parallel and the process-wide configuration is shared.
@Suite("Configuration")
struct ConfigurationTests {
    /// Runs a task that fails until its last allowed attempt and returns how many attempts ran.
    private func attempts(
        configuration: WoveConfiguration,
        weaveEnvironment: String? = nil,
        @WeaveBuilder task: (AttemptCounter) -> TaskList
    ) async throws -> Int {
        let counter = AttemptCounter()
        try await Wove.withConfiguration(configuration) {
            if let weaveEnvironment {
                _ = try await weave(options: .environment(weaveEnvironment), .errorMode(.return)) {
                    task(counter)
                }
            } else {
                _ = try await weave(options: .errorMode(.return)) { task(counter) }
            }
        }
        return counter.count
    }

    private func alwaysFailing(_ counter: AttemptCounter) -> TaskNode<Int> {
        Task("flaky") { () throws -> Int in throw Boom(code: counter.next()) }
    }

    @Test("retries resolve task → task's environment → global → built-in")
    func retriesPrecedence() async throws {
        let configuration = WoveConfiguration(
            defaultEnvironment: "standard",
            environments: ["standard": EnvironmentSettings(), "heavy": EnvironmentSettings(retries: 3)],
            retries: 1)
        // Built-in: no configuration at all.
        #expect(try await attempts(configuration: WoveConfiguration()) { alwaysFailing($0) } == 1)
        // Global: the default environment sets nothing, so the global 1 applies.
        #expect(try await attempts(configuration: configuration) { alwaysFailing($0) } == 2)
        // The task's environment beats the global value.
        #expect(
            try await attempts(configuration: configuration) { alwaysFailing($0).environment("heavy") } == 4)
        // The weave's environment is the task's environment when it names none.
        #expect(
            try await attempts(configuration: configuration, weaveEnvironment: "heavy") { alwaysFailing($0) }
                == 4)
        // The task's own option beats everything.
        #expect(
            try await attempts(configuration: configuration) {
                alwaysFailing($0).environment("heavy").retries(0)
            }
                == 1)
    }

    @Test("timeout comes from the task's environment when the task sets none")
    func timeoutFromEnvironment() async throws {
        let configuration = WoveConfiguration(environments: [
            "strict": EnvironmentSettings(timeout: .milliseconds(30))
        ])
        let result = try await Wove.withConfiguration(configuration) {
            try await weave(options: .errorMode(.return)) {
                Task("slow") { () async throws -> Int in
                    try await Task.sleep(for: .seconds(10))
                    return 1
                }
                .environment("strict")
            }
        }
        #expect((result.errors["slow"] as? TaskTimeoutError)?.limit == .milliseconds(30))
    }

    @Test("maxWorkers and errorMode resolve weave → weave's environment → global → built-in")
    func weaveLevelPrecedence() async throws {
        let configuration = WoveConfiguration(
            environments: ["serial": EnvironmentSettings(maxWorkers: 1)], maxWorkers: 4, errorMode: .return)
        try await Wove.withConfiguration(configuration) {
            let gauge = ConcurrencyGauge()
            @WeaveBuilder func sleepers() -> TaskList {
                for index in 0..<6 {
                    Task("s\(index)") { () -> Int in
                        gauge.enter()
                        usleep(20_000)
                        gauge.leave()
                        return index
                    }
                }
            }
            _ = try await weave(options: .environment("serial")) { sleepers() }
            #expect(gauge.maximum == 1, "the weave's environment sets maxWorkers 1")
            let failing = try await weave { Task("bad") { () throws -> Int in throw Boom(code: 1) } }
            #expect(failing.errors["bad"] as? Boom == Boom(code: 1), "the global errorMode .return applied")
            await #expect(throws: Boom.self) {
                try await weave(options: .errorMode(.raise)) {
                    Task("bad") { () throws -> Int in throw Boom(code: 1) }
                }
            }
        }
    }

    @Test("workers and limitPerMinute defaults apply to mapped tasks only")
    func mappedDefaultsOnly() async throws {
        let configuration = WoveConfiguration(workers: 2, limitPerMinute: 6000)
        let gauge = ConcurrencyGauge()
        try await Wove.withConfiguration(configuration) {
            let result = try await weave {
                Task("plain") { 1 }
                Task("mapped", over: 0..<6) { (item: Int) async throws -> Int in
                    gauge.enter()
                    try await Task.sleep(for: .milliseconds(20))
                    gauge.leave()
                    return item
                }
            }
            #expect(try result.value("plain", as: Int.self) == 1)
        }
        #expect(gauge.maximum == 2)
    }

    @Test("an unknown environment fails before any task runs, naming the task and its line")
    func unknownEnvironment() async throws {
        let probe = Probe()
        let misrouted = Task("misrouted") {
            probe.record("ran")
            return 1
        }
        .environment("gpu")
        let error = try await #require(throws: WeaveError.self) {
            try await Wove.withConfiguration(WoveConfiguration()) {
                try await weave {
                    Task("fine") {
                        probe.record("ran")
                        return 0
                    }
                    misrouted
                }
            }
        }
        #expect(error.code == .unknownEnvironment)
        #expect(error.location == misrouted.location)
        #expect(error.message.contains("'gpu'") && error.message.contains("Configured environments: local"))
        #expect(probe.events.isEmpty)

        let weaveError = try await #require(throws: WeaveError.self) {
            try await weave(options: .environment("nowhere")) { Task("a") { 1 } }
        }
        #expect(weaveError.code == .unknownEnvironment)
    }

    @Test(
        "each invalid value is rejected, naming its key and value",
        arguments: [
            (WoveConfiguration(retries: -1), "retries is -1"),
            (WoveConfiguration(timeout: .zero), "timeout is 0.0 seconds"),
            (WoveConfiguration(workers: 0), "workers is 0"),
            (WoveConfiguration(limitPerMinute: 0), "limit_per_minute is 0"),
            (WoveConfiguration(maxWorkers: 0), "max_workers is 0"),
            (WoveConfiguration(maxPending: -2), "max_pending is -2"),
            (
                WoveConfiguration(environments: ["x": EnvironmentSettings(retries: -5)]),
                "environments.x.retries is -5"
            ),
            (WoveConfiguration(defaultEnvironment: "missing"), "default_environment is 'missing'"),
        ])
    func validation(configuration: WoveConfiguration, expected: String) throws {
        let error = try #require(throws: WeaveError.self) { try configuration.validate() }
        #expect(error.message.contains(expected), "\(error.message)")
    }

    @Test("an invalid Wove.config(...) call changes nothing")
    func invalidGlobalChangeIsRejected() throws {
        // Only what this call names is compared: other tests change environments concurrently.
        let before = Wove.configuration
        #expect(throws: WeaveError.self) { try Wove.config(retries: 7, workers: 0) }
        #expect(Wove.configuration.retries == before.retries, "the valid half was not applied either")
        #expect(Wove.configuration.workers == before.workers)
    }

    @Test("Wove.config(...) merges given values into the process-wide configuration")
    func globalMerge() throws {
        let before = Wove.configuration
        defer { try? Wove.config(environments: ["config-test-only": nil]) }
        try Wove.config(environments: ["config-test-only": EnvironmentSettings(retries: 2)])
        #expect(Wove.configuration.environments["config-test-only"]?.retries == 2)
        #expect(Wove.configuration.maxWorkers == before.maxWorkers, "values not passed are kept")
        try Wove.config(environments: ["config-test-only": nil])
        #expect(Wove.configuration.environments["config-test-only"] == nil, "nil removes an environment")
    }

    @Test("successive Wove.config(environments:) calls add up, even when made concurrently")
    func environmentsAddUp() async throws {
        let names = (0..<40).map { "config-add-up-\($0)" }
        defer {
            try? Wove.config(environments: Dictionary(uniqueKeysWithValues: names.map { ($0, nil) }))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, name) in names.enumerated() {
                group.addTask { try Wove.config(environments: [name: EnvironmentSettings(retries: index)]) }
            }
            try await group.waitForAll()
        }
        let environments = Wove.configuration.environments
        for (index, name) in names.enumerated() { #expect(environments[name]?.retries == index, "\(name)") }
    }

    @Test("Wove.config(...) inside a scoped configuration changes only what it passes, process-wide")
    func scopedValuesStayScoped() async throws {
        let globalRetries = Wove.configuration.retries
        defer { try? Wove.config(environments: ["config-scoped-call": nil]) }
        try await Wove.withConfiguration(WoveConfiguration(retries: 5)) {
            try Wove.config(environments: ["config-scoped-call": EnvironmentSettings()])
            #expect(Wove.configuration.retries == 5, "the scope still reads its own configuration")
        }
        #expect(Wove.configuration.environments["config-scoped-call"] != nil)
        #expect(Wove.configuration.retries == globalRetries, "the scope's retries did not leak out")
    }

    @Test("a scoped configuration may not set the process-wide blocking-thread cap")
    func scopedThreadCapIsRejected() async throws {
        let error = try await #require(throws: WeaveError.self) {
            try await Wove.withConfiguration(WoveConfiguration(maxBlockingThreads: 8)) {}
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("Wove.config(maxBlockingThreads:)"))
    }

    @Test("the configuration can be read from many tasks at once")
    func concurrentReads() async throws {
        let configuration = WoveConfiguration(retries: 3)
        try await Wove.withConfiguration(configuration) {
            let seen = await withTaskGroup(of: Int?.self) { group in
                for _ in 0..<100 { group.addTask { Wove.configuration.retries } }
                return await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            #expect(seen.allSatisfy { $0 == 3 })
        }
    }
}

@Suite("Configuration file")
struct ConfigurationFileTests {
    /// A fresh directory tree `root/child/grandchild` with `json` written to `root/wove_config.json`.
    private func tree(_ json: String) throws -> (root: URL, grandchild: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wove-config-\(UUID().uuidString)")
        let grandchild = root.appendingPathComponent("child/grandchild")
        try FileManager.default.createDirectory(at: grandchild, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: root.appendingPathComponent("wove_config.json"))
        return (root, grandchild)
    }

    @Test("wove_config.json is found in a parent directory and read with snake_case keys")
    func autoloadFromParent() throws {
        let (root, grandchild) = try tree(
            """
            {
              "default_environment": "default",
              "max_workers": 8, "retries": 1, "timeout": 2.5, "workers": 4, "limit_per_minute": 120,
              "max_pending": 1000, "error_mode": "return",
              "environments": {
                "default": { "executor": "local" },
                "heavy": { "executor": "local", "retries": 3, "timeout": 30, "max_workers": 2 }
              }
            }
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let (configuration, file) = try #require(try Wove.readConfigFile(searchingFrom: grandchild))
        #expect(
            file.standardizedFileURL.path
                == root.appendingPathComponent("wove_config.json").standardizedFileURL.path)
        #expect(configuration.defaultEnvironment == "default")
        #expect(configuration.maxWorkers == 8 && configuration.retries == 1 && configuration.workers == 4)
        #expect(configuration.timeout == .milliseconds(2500))
        #expect(configuration.limitPerMinute == 120 && configuration.maxPending == 1000)
        #expect(configuration.errorMode == .return)
        #expect(
            configuration.environments["heavy"]
                == EnvironmentSettings(retries: 3, timeout: .seconds(30), maxWorkers: 2))
    }

    @Test("a loaded file merges into the configuration, and null removes an environment")
    func fileMergesAndRemoves() throws {
        defer { try? Wove.config(environments: ["file-kept": nil, "file-removed": nil]) }
        try Wove.config(
            environments: [
                "file-kept": EnvironmentSettings(retries: 1), "file-removed": EnvironmentSettings(),
            ])
        let (root, grandchild) = try tree(
            #"{ "environments": { "file-removed": null, "file-added": { "retries": 4 } } }"#)
        defer { try? FileManager.default.removeItem(at: root) }
        defer { try? Wove.config(environments: ["file-added": nil]) }
        try Wove.loadConfigFile(searchingFrom: grandchild)
        let environments = Wove.configuration.environments
        #expect(environments["file-kept"]?.retries == 1, "environments the file does not name are kept")
        #expect(environments["file-removed"] == nil)
        #expect(environments["file-added"]?.retries == 4)
    }

    @Test("delivery_* keys are read globally and per environment")
    func deliveryKeys() throws {
        let (root, grandchild) = try tree(
            """
            {
              "delivery_timeout": 11.0, "delivery_cancel_mode": "require_ack", "delivery_heartbeat_seconds": 3.0,
              "delivery_max_in_flight": 20, "delivery_orphan_policy": "requeue",
              "environments": {
                "default": { "executor": "local", "delivery_idempotency_key": "job:{value}", "delivery_timeout": 7.5 }
              }
            }
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let (configuration, _) = try #require(try Wove.readConfigFile(searchingFrom: grandchild))
        #expect(
            configuration.delivery
                == DeliverySettings(
                    timeout: .seconds(11), cancelMode: .requireAck, heartbeat: .seconds(3), maxInFlight: 20,
                    orphanPolicy: .requeue))
        #expect(
            configuration.environments["default"]?.delivery
                == DeliverySettings(timeout: .milliseconds(7500), idempotencyKey: "job:{value}"))
    }

    @Test("no file up to the root leaves nothing loaded")
    func noFile() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wove-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        if FileManager.default.fileExists(atPath: "/tmp/wove_config.json") { return }
        #expect(try Wove.readConfigFile(searchingFrom: empty) == nil)
    }

    @Test(
        "a bad file is rejected naming the file, the key and the value",
        arguments: [
            (#"{"retries": "three"}"#, "retries is three; it must be a whole number"),
            (#"{"retries": true}"#, "retries is"),
            (#"{"timeout": -1}"#, "timeout is -1.0 seconds"),
            (#"{"timeout": 1e300}"#, "timeout is 1e+300; it must be a number of seconds, at most 1000000000"),
            (
                #"{"delivery_heartbeat_seconds": 1e300}"#,
                "delivery_heartbeat_seconds is 1e+300; it must be a number of seconds"
            ),
            (#"{"max_blocking_threads": 0}"#, "max_blocking_threads is 0; it must be at least 1"),
            (#"{"retries": 1e300}"#, "retries is 1e+300; it must be a whole number"),
            (#"{"error_mode": "explode"}"#, #"error_mode is "explode""#),
            (#"{"max_wrokers": 3}"#, "max_wrokers is not a configuration key"),
            (#"{"environments": {"x": {"retries": 1.5}}}"#, "environments.x.retries is 1.5"),
            (
                #"{"environments": {"x": {"colour": "red"}}}"#,
                "environments.x.colour is not a configuration key"
            ),
            (#"{"environments": {"x": 3}}"#, "environments.x is 3; it must be an object or null"),
            (#"{"default_environment": "gpu"}"#, "default_environment is 'gpu'"),
            ("[1, 2]", "must hold a JSON object"),
            ("{not json", "is not readable JSON"),
            (
                #"{"delivery_cancel_mode": "maybe"}"#,
                #"delivery_cancel_mode is "maybe"; it must be one of "best_effort", "require_ack""#
            ),
            (
                #"{"environments": {"x": {"delivery_orphan_policy": "drop"}}}"#,
                "environments.x.delivery_orphan_policy"
            ),
            (#"{"delivery_max_in_flight": 0}"#, "delivery_max_in_flight is 0; it must be at least 1"),
        ])
    func badFiles(json: String, expected: String) throws {
        let (root, grandchild) = try tree(json)
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(throws: WeaveError.self) {
            try Wove.readConfigFile(searchingFrom: grandchild)
        }
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.message.contains("wove_config.json"))
    }
}
