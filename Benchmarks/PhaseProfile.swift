import WoveDSL
import WoveRuntime

/// `WOVE_BENCH_PROFILE=phases`: a weave's cost split into declaring its block, compiling it and
/// running the compiled plan, for the diamond and other shapes, to find where a weave's time
/// goes. `phases-<shape>-<phase>` loops one phase of one shape alone, for a profiler.
enum PhaseProfile {
    @WeaveBuilder static func diamond() -> TaskList {
        Task("a", after: "x") { (x: Int) async in x + 1 }
        Task("b", after: "x") { (x: Int) async in x + 2 }
        Task("c", after: "a", "b") { (a: Int, b: Int) async in a + b }
        Task("d", after: "c") { (c: Int) async in c * 2 }
    }

    @WeaveBuilder static func diamondSync() -> TaskList {
        Task("a", after: "x") { (x: Int) in x + 1 }
        Task("b", after: "x") { (x: Int) in x + 2 }
        Task("c", after: "a", "b") { (a: Int, b: Int) in a + b }
        Task("d", after: "c") { (c: Int) in c * 2 }
    }

    @WeaveBuilder static func single() -> TaskList { Task("a", after: "x") { (x: Int) async in x + 1 } }

    @WeaveBuilder static func chain() -> TaskList {
        Task("a", after: "x") { (x: Int) async in x + 1 }
        Task("b", after: "a") { (x: Int) async in x + 2 }
        Task("c", after: "b") { (a: Int) async in a }
        Task("d", after: "c") { (c: Int) async in c * 2 }
    }

    /// The wide graph's 10k independent `async` no-ops (see ``WideGraphWorkload``).
    @WeaveBuilder static func wide() -> TaskList {
        for index in 0..<WideGraphWorkload.width {
            Task("t\(index)") { () async in index }
        }
    }

    /// Each shape with how many times a phase runs per batch of five.
    static let shapes: [(String, @Sendable () -> TaskList, rounds: Int)] = [
        ("async-diamond", diamond, 20_000), ("sync-diamond", diamondSync, 20_000), ("single", single, 20_000),
        ("chain", chain, 20_000), ("wide", wide, 50),
    ]

    /// Runs the phases of every shape, or the one `only` names; `rounds` replaces a single phase's
    /// count (for a slow profiler such as callgrind).
    static func run(only: String?, rounds chosenRounds: Int?) async throws {
        for (shape, block, shapeRounds) in shapes {
            if let only, !only.hasPrefix(shape + "-") && only != shape { continue }
            let phase = only.map { String($0.dropFirst(shape.count + 1)) }
            let definitions = block().definitions
            let prepared = try PreparedWeave.prepare(definitions, data: ["x": 1], settings: WeaveSettings())
            let timings = [
                ("declare", { _ = block() }),
                (
                    "prepare",
                    { _ = try PreparedWeave.prepare(definitions, data: ["x": 1], settings: WeaveSettings()) }
                ),
            ]
            let rounds = phase == nil ? shapeRounds : chosenRounds ?? shapeRounds * 20
            var line = "\(shape):"
            for (name, body) in timings where phase == nil || phase == name {
                line += " \(name) \(try measure(body, rounds: rounds))"
            }
            if phase == nil || phase == "run" {
                let clock = ContinuousClock()
                var best = Duration.seconds(Int64.max)
                for _ in 0..<5 {
                    let start = clock.now
                    for _ in 0..<rounds / 5 { _ = try await prepared.run() }
                    best = min(best, clock.now - start)
                }
                line += " run \(format(best, rounds: rounds / 5))"
            }
            print(line + " µs/weave")
        }
    }

    /// The best of five batches of `rounds / 5`, as the machine is noisy.
    private static func measure(_ body: () throws -> Void, rounds: Int) throws -> String {
        let clock = ContinuousClock()
        var best = Duration.seconds(Int64.max)
        for _ in 0..<5 {
            let start = clock.now
            for _ in 0..<rounds / 5 { try body() }
            best = min(best, clock.now - start)
        }
        return format(best, rounds: rounds / 5)
    }

    private static func format(_ total: Duration, rounds: Int) -> String {
        let perRound = Harness.microseconds(total / rounds)
        return String(Double(Int(perRound * 100)) / 100)
    }
}
