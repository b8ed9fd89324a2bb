import Foundation

/// Every workload, in the order printed. Runs off the main actor, as library code would.
enum BenchmarkSuite {
    static func run() async throws {
        if let only = ProcessInfo.processInfo.environment["WOVE_BENCH_PROFILE"] {
            try await profile(only)
            return
        }
        print(Harness.header)
        try await Harness.compare(
            "diamond_weave_x200 (async bodies)", unit: "weave", units: DiamondWorkload.weaves,
            repetitions: 10,
            wove: DiamondWorkload.woveAsync,
            baseline: ("TaskGroup, a child per node", DiamondWorkload.taskGroup))
        try await Harness.compare(
            "diamond_weave_x200 (sync bodies)", unit: "weave", units: DiamondWorkload.weaves, repetitions: 10,
            wove: DiamondWorkload.woveSync,
            baseline: ("a Dispatch thread hop per node", DiamondWorkload.threadHops))
        try await Harness.compare(
            "diamond_weave_x200 vs async let", unit: "weave", units: DiamondWorkload.weaves, repetitions: 10,
            wove: DiamondWorkload.woveAsync, baseline: ("async let, branches only", DiamondWorkload.asyncLet))
        try await Harness.compare(
            "wide_graph_10k (async no-ops)", unit: "task", units: WideGraphWorkload.width, repetitions: 5,
            wove: WideGraphWorkload.wove, baseline: ("TaskGroup of 10k children", WideGraphWorkload.taskGroup)
        )
    }
}

extension BenchmarkSuite {
    /// Runs one workload in a loop for a profiler (`WOVE_BENCH_PROFILE=diamond-async|diamond-sync|diamond-taskgroup|wide`).
    static func profile(_ workload: String) async throws {
        for _ in 0..<50 {
            switch workload {
            case "diamond-sync": try await DiamondWorkload.woveSync()
            case "wide": try await WideGraphWorkload.wove()
            case "diamond-taskgroup": try await DiamondWorkload.taskGroup()
            default: try await DiamondWorkload.woveAsync()
            }
        }
    }
}
