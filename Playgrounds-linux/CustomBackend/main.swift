import Foundation
import WoveDSL

// A backend adapter of your own: each job is a process of this machine, started at once. A real
// adapter would call a scheduler's API in `submit`; everything else (the callback server the
// job reports to, its payload, cancellation, a job that ends without reporting) is Wove's.
//
// Run it with: swift run --traits Backends CustomBackend
//
// The job runs this same executable: the first lines below make it run the job's one task,
// report back to the submitting process over HTTP, and exit, instead of running the program.
#if Backends
    import WoveBackends

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// Submits each run as a process of this machine.
    struct LocalProcessAdapter: BackendAdapter {
        var engineName: String { "local process" }

        func submit(_ job: BackendJob) async throws -> BackendSubmission {
            let process = job.makeProcess()
            try process.run()
            print("submitted \(job.taskID) as process \(process.processIdentifier)")
            return BackendSubmission(runID: job.runID, id: "\(process.processIdentifier)")
        }
    }

    /// A result that crosses the process boundary as JSON.
    struct Score: Codable, Sendable {
        let user: Int
        let points: Int
        let jobPID: Int32
    }

    /// Tasks both processes know; the job looks its task up by name.
    struct ScoringTasks: Weave {
        var tasks: some WeaveContent {
            Task("score", after: "user_id") { (id: Int) in Score(user: id, points: id * 10, jobPID: getpid())
            }
        }
    }

    BackendWorker.enable()
    await WoveWorker { ScoringTasks().tasks }.runIfRequested()

    try Wove.config(environments: [
        "jobs": EnvironmentSettings(executor: .backend(name: "local-jobs") { LocalProcessAdapter() })
    ])
    let result = try await weave(ScoringTasks(), ["user_id": 7]) {
        Task("score", after: "user_id") { (id: Int) in Score(user: id, points: id * 10, jobPID: getpid()) }
            .environment("jobs")
        Task("summary", after: "score") { (score: Score) in
            "user \(score.user) scored \(score.points) in job process \(score.jobPID)"
        }
    }
    print(try result.final(as: String.self))
    print("this process is \(getpid())")
#else
    print("CustomBackend needs the Backends trait: swift run --traits Backends CustomBackend")
#endif
