#if HTTP
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import Testing
    import WoveDSL
    import WoveHTTP
    import WoveNetwork
    import WoveRuntime

    /// Requests a worker service must refuse before running anything, made by hand over a real
    /// connection.
    @Suite("HTTP worker service refusals", .serialized)
    struct HTTPRefusalTests {
        static let secret = Array("refusal-secret".utf8)
        static let body = Array(
            #"{"type":"run_task","run_id":"double:1","task_id":"double","args":{"value":1},"delivery":{}}"#
                .utf8)

        /// POSTs `body` with `headers` to `url`; returns the status and the JSON error, if any.
        private func post(_ url: URL, headers: [(String, String)], body: [UInt8] = Self.body) async throws
            -> (status: Int, error: String?)
        {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .POST
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            let error = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])?[
                "error"]
            return (Int(response.status.code), error)
        }

        @Test("tampered, wrong-key, expired, replayed and unsigned requests are refused with their reasons")
        func signedRefusals() async throws {
            let probe = ServiceProbe()
            let service = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "k")
            try await withService(.http, RemoteTasks(probe: probe), security: service) { url, _ in
                let client = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "k")
                let signed = client.headers(transport: .http, target: "/wove", body: Self.body)
                let tampered = try await post(url, headers: signed, body: Self.body + Array(" ".utf8))
                #expect(
                    tampered.status == 403 && tampered.error == "Invalid Wove network executor signature.")
                let accepted = try await post(url, headers: signed)
                #expect(accepted.status == 200 && accepted.error == nil)
                let replayed = try await post(url, headers: signed)
                #expect(
                    replayed.status == 403 && replayed.error == "Replayed Wove network executor signature.")
                let stranger = try NetworkExecutorSecurity(mode: .signed, secret: Self.secret, key: "other")
                let wrongKey = try await post(
                    url, headers: stranger.headers(transport: .http, target: "/wove", body: Self.body))
                #expect(wrongKey.status == 403 && wrongKey.error == "Invalid Wove network executor key.")
                let past = try NetworkExecutorSecurity(
                    mode: .signed, secret: Self.secret, key: "k", now: { Date().timeIntervalSince1970 - 3600 }
                )
                let expired = try await post(
                    url, headers: past.headers(transport: .http, target: "/wove", body: Self.body))
                #expect(expired.status == 403 && expired.error == "Expired Wove network executor signature.")
                let unsigned = try await post(url, headers: [])
                #expect(
                    unsigned.status == 401
                        && unsigned.error == "Missing Wove network executor signature headers.")
                let garbage = try await post(
                    url, headers: client.headers(transport: .http, target: "/wove", body: [1, 2]),
                    body: [1, 2])
                #expect(
                    garbage.status == 400
                        && garbage.error?.hasPrefix("The request is not a Wove frame") == true)
            }
        }

        @Test("a run_task whose run id is under way already is answered with a config error, not run")
        func duplicateRunID() async throws {
            let probe = ServiceProbe()
            try await withService(.http, RemoteTasks(probe: probe)) { url, _ in
                let slow = Array(
                    #"{"type":"run_task","run_id":"slow:1","task_id":"slow","args":{"ms":1500},"delivery":{}}"#
                        .utf8)
                async let first = post(url, headers: [], body: slow)
                try await probe.wait(for: "slow started")
                var request = HTTPClientRequest(url: url.absoluteString)
                request.method = .POST
                request.body = .bytes(ByteBuffer(bytes: slow))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                let events = try NetworkEvents.decode(
                    Array(buffer: try await response.body.collect(upTo: 1 << 20)))
                guard case .taskError(_, _, let error)? = events.first else {
                    Issue.record("expected a task_error, got \(events)")
                    return
                }
                #expect(error.kind == "DuplicateRun" && error.source == .config, "\(error)")
                #expect(probe.all.filter { $0 == "slow started" }.count == 1)
                #expect(try await first.status == 200)
            }
        }

        @Test("a wrong or missing bearer token is refused; the right one runs the task")
        func bearerRefusals() async throws {
            let service = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
            try await withService(.http, RemoteTasks(probe: ServiceProbe()), security: service) { url, _ in
                let wrong = try await post(url, headers: [("Authorization", "Bearer guess")])
                #expect(wrong.status == 403 && wrong.error == "Invalid Wove network executor bearer token.")
                let missing = try await post(url, headers: [])
                #expect(
                    missing.status == 403 && missing.error == "Invalid Wove network executor bearer token.")
                let right = try NetworkExecutorSecurity(mode: .bearer, token: "secret-token")
                let result = try await Wove.withConfiguration(remote(.http(url: url, security: right))) {
                    try await weave(["value": 4]) {
                        Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                    }
                }
                #expect(try result.final(as: Int.self) == 8)
            }
        }
    }

    @Suite("HTTP executor configuration")
    struct HTTPConfigurationTests {
        @Test(
            "executor_config is checked with Python wove's messages",
            arguments: [
                ("http", [:], "executor_config.url must be a non-empty HTTP or HTTPS URL."),
                ("http", ["url": ""], "executor_config.url must be a non-empty HTTP or HTTPS URL."),
                ("http", ["url": "ftp://host/wove"], "executor_config.url must be an HTTP or HTTPS URL."),
                ("http", ["url": "http://"], "executor_config.url must be an HTTP or HTTPS URL."),
                ("https", ["url": "http://host/wove"], "The https executor requires an https:// URL."),
                (
                    "http", ["url": "http://h/w", "headers": [1]],
                    "executor_config.headers must be a dictionary."
                ),
                (
                    "http", ["url": "http://h/w", "timeout": -1],
                    "executor_config.timeout must be a positive number of seconds."
                ),
                (
                    "http", ["url": "http://h/w", "timeout": 1e300],
                    "executor_config.timeout must be a positive number of seconds."
                ),
                (
                    "http", ["url": "http://h/w", "insecure": "yes"],
                    "executor_config.insecure must be true or false."
                ),
                (
                    "http", ["url": "http://h/w", "retries": 1],
                    "retries is not a setting of the http executor."
                ),
                (
                    "http", ["url": "http://h/w", "security": "signed"],
                    "executor_config.security string must be 'none' or 'env:VARIABLE'."
                ),
            ] as [(String, [String: JSONValue], String)])
        func validation(name: String, config: [String: JSONValue], message: String) throws {
            ExecutorProvider.registerHTTPExecutors()
            let error = try #require(throws: WeaveError.self) {
                try ExecutorProvider.named(name, configuration: config, at: "environments.remote")
            }
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.hasPrefix("environments.remote.executor_config"), "\(error.message)")
        }

        @Test(
            "a registered http executor comes from wove_config.json, and plain HTTP to another machine is refused at start"
        )
        func fromConfigurationFile() async throws {
            ExecutorProvider.registerHTTPExecutors()
            let provider = try ExecutorProvider.named(
                "http", configuration: ["url": "http://workers.invalid:9/wove", "timeout": 2],
                at: "environments.remote")
            #expect(provider.name == "http" && !provider.isLocal)
            let result = try await Wove.withConfiguration(remote(provider)) {
                try await weave(["value": 1], options: .errorMode(.return)) {
                    Task("double", after: "value") { (value: Int) in value * 2 }.environment("remote")
                }
            }
            let error = try #require(result.errors["double"] as? EnvironmentExecutionError)
            #expect(error.payload.source == .executor)
            #expect(
                error.payload.message.contains("http executor uses an insecure network transport"), "\(error)"
            )
        }
    }
#endif
