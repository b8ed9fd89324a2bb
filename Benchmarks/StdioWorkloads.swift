import WoveDSL

/// The stdio round trip: 1,000 tiny mapped items sent to worker processes (this executable
/// re-invoked in worker mode), next to the same map run locally. Each run starts its workers,
/// as `bench/wove_peer_stdio.py` does.
enum StdioWorkloads {
    static let items = 1_000

    /// The tasks the workers serve, shared with the weave.
    @WeaveBuilder static var tasks: TaskList {
        Task("tiny", over: 0..<items) { (item: Int) in item + 1 }
    }

    static func configuration(workers: Int) -> WoveConfiguration {
        WoveConfiguration(environments: [
            "worker": EnvironmentSettings(executor: .stdio(workers: workers))
        ])
    }

    static func stdio(workers: Int) -> () async throws -> Void {
        {
            let result = try await Wove.withConfiguration(configuration(workers: workers)) {
                try await weave {
                    Task("tiny", over: 0..<items) { (item: Int) in item + 1 }.environment("worker").workers(
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
