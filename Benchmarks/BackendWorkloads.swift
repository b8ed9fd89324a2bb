#if Slurm || Ray
    import Foundation
    import WoveDSL

    /// Submit-to-result latency of one no-op task through a cluster scheduler, next to the
    /// scheduler's own latency for a no-op job in the same run: `sbatch --wait` of `true` for
    /// Slurm, a Ray job running `true` (submitted and polled every 20 ms) for Ray. The Wove job is
    /// this executable, re-invoked as a backend job. Needs the engines running (`.ci/engines start`).
    enum BackendWorkloads {
        /// The task the jobs run, shared with the weave.
        @WeaveBuilder static var tasks: TaskList {
            Task("noop") { () in 0 }
        }

        static func wove(_ provider: ExecutorProvider) -> () async throws -> Void {
            {
                let configuration = WoveConfiguration(environments: [
                    "jobs": EnvironmentSettings(executor: provider)
                ])
                let result = try await Wove.withConfiguration(configuration) {
                    try await weave { Task("noop") { () in 0 }.environment("jobs") }
                }
                try check(result.final(as: Int.self) == 0)
            }
        }

        /// Runs `command` to its end and returns its stdout; throws unless it exits with 0.
        @discardableResult
        static func run(_ command: [String]) async throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = command
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("wove-bench-\(UUID())")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let handle = try FileHandle(forWritingTo: output)
            defer { try? handle.close() }
            process.standardOutput = handle
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try process.run() } catch { continuation.resume(throwing: error) }
            }
            try check(status == 0)
            return String(
                decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self)
        }
    }
#endif

#if Slurm
    import WoveSlurm

    extension BackendWorkloads {
        static var slurmIsRunning: Bool { ProcessInfo.processInfo.environment["SLURM_CONF"] != nil }

        static var slurm: () async throws -> Void { wove(.slurm(sbatchArguments: ["--output=/dev/null"])) }

        /// Waits until Slurm has no job and its node is idle, then 3 s more, so that every run
        /// starts alike: how soon slurmctld starts a job depends on how lately it scheduled the
        /// last one (measured here: 0.45 to 3 s for back-to-back `true` jobs).
        static func slurmIdle() async throws {
            while true {
                let queue = try await run(["squeue", "-h"])
                let node = try await run(["sinfo", "-h", "-o", "%T"])
                if queue.isEmpty, node.trimmingCharacters(in: .whitespacesAndNewlines) == "idle" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try await Task.sleep(for: .seconds(3))
        }

        static func bareSlurm() async throws {
            try await run(["sbatch", "--wait", "--output=/dev/null", "--wrap", "true"])
        }

        /// `sbatch` of `true`, then `scontrol show job` every 20 ms until the job has completed:
        /// Slurm's own latency without `sbatch --wait`'s slow polling.
        static func polledSlurm() async throws {
            let output = try await run(["sbatch", "--parsable", "--output=/dev/null", "--wrap", "true"])
            let id =
                output.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                ?? ""
            while true {
                let state = try await run(["scontrol", "show", "job", id, "-o"])
                if state.contains("JobState=COMPLETED") { return }
                try check(!state.contains("JobState=FAILED") && !state.contains("JobState=CANCELLED"))
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }
#endif

#if Ray
    import AsyncHTTPClient
    import NIOCore
    import WoveRay
    import WoveRuntime

    extension BackendWorkloads {
        static let rayAddress =
            ProcessInfo.processInfo.environment["WOVE_RAY_ADDRESS"] ?? "http://127.0.0.1:8265"

        static var rayIsRunning: Bool { ProcessInfo.processInfo.environment["WOVE_RAY_ADDRESS"] != nil }

        static var ray: () async throws -> Void { wove(.ray(address: URL(string: rayAddress))) }

        /// Submits a job running `true` and polls its status until it has succeeded.
        static func bareRay() async throws {
            var submit = HTTPClientRequest(url: rayAddress + "/api/jobs/")
            submit.method = .POST
            submit.headers.add(name: "Content-Type", value: "application/json")
            let id = "bench-\(UUID().uuidString.lowercased())"
            submit.body = .bytes(ByteBuffer(string: #"{"entrypoint":"true","submission_id":"\#(id)"}"#))
            let response = try await HTTPClient.shared.execute(submit, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 20)
            try check(response.status.code == 200)
            while true {
                let status = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: rayAddress + "/api/jobs/\(id)"), timeout: .seconds(30))
                let body = try await status.body.collect(upTo: 1 << 20)
                guard case .object(let fields) = try JSONValue(parsing: Array(buffer: body)) else { continue }
                if fields["status"] == .string("SUCCEEDED") { return }
                try check(fields["status"] != .string("FAILED"))
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }
#endif
