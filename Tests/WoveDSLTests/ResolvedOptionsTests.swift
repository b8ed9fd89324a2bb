import Testing

@testable import WoveDSL
@testable import WoveRuntime

/// Tasks that set none of their own options share one resolved copy per environment; every other
/// task resolves its own, and each still runs with the options that apply to it.
@Suite("Resolved options")
struct ResolvedOptionsTests {
    @WeaveBuilder private static func tasks() -> TaskList {
        Task("plain_a") { () async in 1 }
        Task("plain_b") { () in 2 }
        Task("own") { () async in 3 }.retries(5).timeout(.seconds(1))
        Task("sturdy_a") { () async in 4 }.environment("sturdy")
        Task("sturdy_b") { () async in 5 }.environment("sturdy")
        Task("sturdy_own", over: [6, 7]) { (item: Int) async in item }.environment("sturdy").workers(7)
    }

    @Test("tasks that set no options share theirs per environment; a task with its own has its own")
    func sharing() async throws {
        let configuration = WoveConfiguration(environments: [
            "sturdy": EnvironmentSettings(retries: 2, workers: 3)
        ])
        let prepared = try await Wove.withConfiguration(configuration) {
            try PreparedWeave.prepare(Self.tasks().definitions, data: [:], settings: WeaveSettings())
        }
        let graph = prepared.graph
        func runnable(_ name: String) throws -> Runnable {
            try #require(graph.indexByName[name].flatMap { graph.runnable(at: $0) })
        }
        #expect(try runnable("plain_a").options === runnable("plain_b").options)
        #expect(try runnable("sturdy_a").options === runnable("sturdy_b").options)
        #expect(try runnable("plain_a").options !== runnable("sturdy_a").options)
        #expect(try runnable("own").options !== runnable("plain_a").options)
        #expect(try runnable("sturdy_own").options !== runnable("sturdy_a").options)

        #expect(try runnable("plain_a").policy.retries == 0)
        #expect(try runnable("plain_a").policy.timeout == nil)
        #expect(try runnable("own").policy.retries == 5)
        #expect(try runnable("own").policy.timeout == .seconds(1))
        #expect(try runnable("sturdy_a").policy.retries == 2)
        #expect(try runnable("sturdy_a").workers == 3)
        #expect(try runnable("sturdy_a").environment == "sturdy")
        #expect(try runnable("sturdy_own").workers == 7)
        #expect(try runnable("sturdy_own").policy.retries == 2)
        // The names in events and errors stay each task's own.
        #expect(try runnable("plain_b").policy.taskName == "plain_b")
        // Plain local bodies keep their fast paths; one with a timeout does not.
        #expect(try runnable("plain_a").runsPlainAsync)
        #expect(try runnable("plain_b").runsOnPool)
        #expect(try !runnable("own").runsPlainAsync)

        let result = try await Wove.withConfiguration(configuration) { try await prepared.run() }
        #expect(try result.value("sturdy_own", as: [Int].self) == [6, 7])
        #expect(try result.value("plain_b", as: Int.self) == 2)
    }

    @Test("weaves that set no options share their defaults until the configuration changes")
    func sharedAcrossWeaves() async throws {
        func prepare(_ settings: WeaveSettings = WeaveSettings()) throws -> PreparedWeave {
            try PreparedWeave.prepare(Self.tasks().definitions, data: [:], settings: settings)
        }
        func plainOptions(_ prepared: PreparedWeave) throws -> ResolvedOptions {
            let graph = prepared.graph
            return try #require(graph.indexByName["plain_a"].flatMap { graph.runnable(at: $0) }).options
        }
        let base = WoveConfiguration(environments: ["sturdy": EnvironmentSettings(retries: 2)])
        let (first, second, ownLimit) = try await Wove.withConfiguration(base) {
            (try prepare(), try prepare(), try prepare(WeaveSettings(maxWorkers: 2)))
        }
        #expect(first.options.defaults === second.options.defaults)
        #expect(try plainOptions(first) === plainOptions(second))
        // A weave with a setting of its own resolves its own defaults, with that setting.
        #expect(ownLimit.options.defaults !== first.options.defaults)
        #expect(ownLimit.options.maxWorkers == 2)
        #expect(first.options.maxWorkers == WeaveOptions.defaultMaxWorkers)

        // Another configuration gives other defaults, which its weaves use.
        var changed = base
        changed.retries = 4
        let afterChange = try await Wove.withConfiguration(changed) { try prepare() }
        #expect(afterChange.options.defaults !== first.options.defaults)
        #expect(try plainOptions(afterChange).retries == 4)
        #expect(try plainOptions(first).retries == 0)
    }

    @Test(
        "every weave option but debug and name keeps a weave off the shared options",
        arguments: [
            ("environment", WeaveOption<ForegroundWeave>.environment("local"), false),
            ("maxWorkers", .maxWorkers(2), false), ("maxPending", .maxPending(3), false),
            ("clock", .clock(ContinuousClock()), false), ("observer", .observer(SilentObserver()), false),
            ("errorMode", .errorMode(.return), false), ("debug", .debug, true), ("name", .name("n"), true),
        ])
    func optionsThatAreSet(name: String, option: WeaveOption<ForegroundWeave>, shares: Bool) {
        #expect(RunOptions([option]).settings.setsNoOption == shares, "\(name)")
    }
}

/// An observer that ignores every event.
private struct SilentObserver: WeaveObserver {
    func observe(_ event: WeaveEvent) {}
}
