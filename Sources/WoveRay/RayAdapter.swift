#if Ray
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import NIOHTTP1
    import WoveBackends
    import WoveRuntime

    /// Submits each run as a Ray job through the dashboard's Jobs REST API: `POST /api/jobs/`
    /// with the job command as the entrypoint, the payload in `runtime_env.env_vars`, and the
    /// submission id `<prefix>-<run id>`; cancelling is `POST /api/jobs/<id>/stop`; job states are
    /// `GET /api/jobs/<id>`'s `status`.
    final class RayAdapter: BackendAdapter {
        let settings: RaySettings
        private let client = LockedValue<HTTPClient?>(nil)

        init(settings: RaySettings) { self.settings = settings }

        var engineName: String { "Ray" }

        func start(_ context: BackendContext) async throws {
            var configuration = HTTPClient.Configuration()
            configuration.timeout.connect = .seconds(10)
            let client = HTTPClient(
                eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            self.client.withLock { $0 = client }
        }

        func close() async throws {
            let client = self.client.withLock { client in
                defer { client = nil }
                return client
            }
            try await client?.shutdown()
        }

        func submit(_ job: BackendJob) async throws -> BackendSubmission {
            var runtime = settings.runtimeEnvironment
            var variables: [String: JSONValue] = [:]
            if case .object(let configured)? = runtime["env_vars"] { variables = configured }
            for (name, value) in job.environment { variables[name] = .string(value) }
            runtime["env_vars"] = .object(variables)
            let id = "\(settings.prefix)-\(Self.safe(job.runID))"
            var body: [String: JSONValue] = [
                "entrypoint": .string(job.shellCommand),
                "submission_id": .string(id),
                "runtime_env": .object(runtime),
            ]
            if !settings.metadata.isEmpty { body["metadata"] = .object(settings.metadata) }
            let (status, text) = try await request(.POST, "/api/jobs/", body: .object(body))
            guard (200..<300).contains(status) else {
                throw RayError(
                    "the Jobs API answered \(status) to the submission of \(id): \(text.prefix(500))")
            }
            return BackendSubmission(runID: job.runID, id: id)
        }

        func cancel(runID: String, submission: BackendSubmission) async throws {
            let (status, text) = try await request(.POST, "/api/jobs/\(submission.id)/stop", body: nil)
            guard (200..<300).contains(status) || status == 404 else {
                throw RayError(
                    "the Jobs API answered \(status) to stopping \(submission.id): \(text.prefix(500))")
            }
        }

        func statuses(of submissions: [BackendSubmission]) async throws -> [BackendSubmission:
            BackendJobStatus]
        {
            var statuses: [BackendSubmission: BackendJobStatus] = [:]
            for submission in submissions {
                let (status, text) = try await request(.GET, "/api/jobs/\(submission.id)", body: nil)
                if status == 404 {
                    statuses[submission] = .ended(state: "GONE (no longer known to Ray)")
                    continue
                }
                guard (200..<300).contains(status),
                    case .object(let fields)? = try? JSONValue(parsing: Array(text.utf8)),
                    case .string(let state)? = fields["status"]
                else {
                    // Not the Jobs API's answer (a proxy's login page, say): said, never taken for an end.
                    throw RayError(
                        "the Jobs API answered \(status) to the status of \(submission.id) without a job status: "
                            + "\(text.prefix(300))")
                }
                let ended: Set<String> = ["SUCCEEDED", "FAILED", "STOPPED"]
                statuses[submission] = ended.contains(state) ? BackendJobStatus.ended(state: state) : .active
            }
            return statuses
        }

        /// Sends one request to the Jobs API; returns its status and at most 1 MiB of its body.
        private func request(_ method: HTTPMethod, _ path: String, body: JSONValue?) async throws -> (
            Int, String
        ) {
            guard let client = client.withLock({ $0 }) else {
                throw RayError("the ray adapter is not started")
            }
            var request = HTTPClientRequest(url: settings.address.absoluteString + path)
            request.method = method
            for (field, value) in settings.headers { request.headers.add(name: field, value: value) }
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: try body.serialized()))
            }
            let response = try await client.execute(request, timeout: .seconds(30))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            return (Int(response.status.code), text)
        }

        /// `runID` with every character but letters, digits, `-` and `_` made `-`.
        static func safe(_ runID: String) -> String {
            String(
                runID.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "-" })
        }
    }

    /// A Jobs API call failed.
    struct RayError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
#endif
