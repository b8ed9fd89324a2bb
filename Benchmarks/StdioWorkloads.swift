import WoveDSL

/// The stdio round trip: 1,000 tiny mapped items sent to worker processes (this executable
/// re-invoked in worker mode), next to the same map run locally. Each run starts its workers,
/// as `bench/wove_peer_stdio.py` does, unless they are kept alive: then it uses those the last
/// run kept.
enum StdioWorkloads {
    static let items = 1_000

    /// The tasks the workers serve, shared with the weave.
    @WeaveBuilder static var tasks: TaskList {
        Task("tiny", over: 0..<items) { (item: Int) in item + 1 }
    }

    /// Workers kept alive between weaves keep for a minute, and under an environment name of
    /// their own, so the rows without never use them.
    static func configuration(workers: Int, keepAlive: Bool) -> WoveConfiguration {
        WoveConfiguration(environments: [
            environment(keepAlive: keepAlive): EnvironmentSettings(
                executor: .stdio(workers: workers, keepAlive: keepAlive ? .seconds(60) : .zero))
        ])
    }

    /// The environment of a row: one of its own for the kept-alive rows.
    static func environment(keepAlive: Bool) -> String { keepAlive ? "kept" : "worker" }

    static func stdio(workers: Int, keepAlive: Bool) -> () async throws -> Void {
        {
            let result = try await Wove.withConfiguration(
                configuration(workers: workers, keepAlive: keepAlive)
            ) {
                try await weave {
                    Task("tiny", over: 0..<items) { (item: Int) in item + 1 }.environment(
                        environment(keepAlive: keepAlive)
                    ).workers(
                        256)
                }
            }
            try check(result.final(as: [Int].self) == Array(1...items))
        }
    }

    static func local() async throws {
        let result = try await weave {
            Task("tiny", over: 0..<items) { (item: Int) in item + 1 }.workers(256)
        }
        try check(result.final(as: [Int].self) == Array(1...items))
    }
}
