import WoveDSL
import WoveRuntime

/// `WOVE_BENCH_PROFILE=phases`: the diamond's per-weave cost split into declaring the block,
/// compiling it and running the compiled plan, to find where a weave's time goes.
enum PhaseProfile {
    static let rounds = 20_000

    /// `only`: `"declare"`, `"prepare"`, `"run"`, `"single"` or `"chain"` loops that phase alone,
    /// for a profiler.
    static func run(only: String? = nil) async throws {
        let clock = ContinuousClock()
        @WeaveBuilder func block() -> TaskList {
            Task("a", after: "x") { (x: Int) async in x + 1 }
            Task("b", after: "x") { (x: Int) async in x + 2 }
            Task("c", after: "a", "b") { (a: Int, b: Int) async in a + b }
            Task("d", after: "c") { (c: Int) async in c * 2 }
        }
        var start = clock.now
        if only == "declare" {
            for _ in 0..<rounds * 10 { _ = block() }
        }
        for _ in 0..<rounds { _ = block() }
        let declaring = clock.now - start
        let definitions = block().definitions
        start = clock.now
        for _ in 0..<(only == "prepare" ? rounds * 10 : rounds) {
            _ = try PreparedWeave.prepare(definitions, data: ["x": 1], settings: WeaveSettings())
        }
        let compiling = clock.now - start
        let prepared = try PreparedWeave.prepare(definitions, data: ["x": 1], settings: WeaveSettings())
        start = clock.now
        for _ in 0..<(only == "run" ? rounds * 10 : rounds) { _ = try await prepared.run() }
        let running = clock.now - start
        for (phase, time) in [("declare", declaring), ("prepare", compiling), ("run", running)] {
            print("\(phase): \(Harness.microseconds(time / rounds)) µs/weave")
        }
        @WeaveBuilder func single() -> TaskList { Task("a", after: "x") { (x: Int) async in x + 1 } }
        @WeaveBuilder func chain() -> TaskList {
            Task("a", after: "x") { (x: Int) async in x + 1 }
            Task("b", after: "a") { (x: Int) async in x + 2 }
            Task("c", after: "b") { (a: Int) async in a }
            Task("d", after: "c") { (c: Int) async in c * 2 }
        }
        @WeaveBuilder func wide() -> TaskList {
            for index in 0..<10_000 { Task("t\(index)") { () async in index } }
        }
        start = clock.now
        let wideList = wide()
        print("declare wide: \(Harness.microseconds((clock.now - start) / 10_000)) µs/task")
        start = clock.now
        let widePrepared = try PreparedWeave.prepare(
            wideList.definitions, data: [:], settings: WeaveSettings())
        print("prepare wide: \(Harness.microseconds((clock.now - start) / 10_000)) µs/task")
        start = clock.now
        _ = try await widePrepared.run()
        print("run wide: \(Harness.microseconds((clock.now - start) / 10_000)) µs/task")
        for (shape, list) in [("single", single()), ("chain", chain())] {
            let prepared = try PreparedWeave.prepare(
                list.definitions, data: ["x": 1], settings: WeaveSettings())
            start = clock.now
            for _ in 0..<rounds { _ = try await prepared.run() }
            print("run \(shape): \(Harness.microseconds((clock.now - start) / rounds)) µs/weave")
        }
    }
}
