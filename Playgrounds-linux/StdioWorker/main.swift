import WoveDSL

// Send one task of a weave to a worker process over stdio, and get its result back.
//
// Run it with: swift run StdioWorker
//
// The worker is this same executable, started again with WOVE_WORKER=1: the first line below
// makes it serve the shared tasks over stdin/stdout and exit, instead of running the program.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A result that crosses the process boundary as JSON.
struct Score: Codable, Sendable {
    let user: Int
    let points: Int
    let workerPID: Int32
}

/// Tasks both processes know; the worker looks them up by name.
struct ScoringTasks: Weave {
    var tasks: some WeaveContent {
        Task("score", after: "user_id") { (id: Int) in Score(user: id, points: id * 10, workerPID: getpid()) }
    }
}

await WoveWorker { ScoringTasks().tasks }.runIfRequested()

try Wove.config(environments: ["workers": EnvironmentSettings(executor: .stdio())])
let result = try await weave(ScoringTasks(), ["user_id": 7]) {
    Task("score", after: "user_id") { (id: Int) in Score(user: id, points: id * 10, workerPID: getpid()) }
        .environment("workers")
    Task("summary", after: "score") { (score: Score) in
        "user \(score.user) scored \(score.points) in worker process \(score.workerPID)"
    }
}
print(try result.final(as: String.self))
print("this process is \(getpid())")
