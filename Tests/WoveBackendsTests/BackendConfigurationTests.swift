#if Backends
    import Foundation
    import Testing
    @testable import WoveBackends
    import WoveDSL
    import WoveRuntime

    /// Every shared `executor_config` setting's validation message, names the key.
    @Suite("Backend executor configuration")
    struct BackendConfigurationTests {
        static func check(_ configuration: [String: JSONValue]) throws {
            _ = try BackendSettings(configuration, name: "slurm", adapterKeys: ["partition"], at: "environments.c.executor_config")
        }

        @Test(arguments: [
            (["nope": JSONValue.integer(1)], "nope is not a setting of the slurm executor"),
            (["command": .array([])], "environments.c.executor_config.command is []"),
            (["callback_port": .integer(70_000)], "callback_port must be a port from 0 to 65535"),
            (["callback_url": .string("ftp://x")], "callback_url must be an http:// or https:// URL"),
            (["callback_token": .string("short")], "callback_token must be at least 16"),
            (["security": .object(["secret": .string("inline")])], "security must name its secret by environment variable"),
            (["security": .string("env:WOVE_TEST_UNSET_VARIABLE")], "'WOVE_TEST_UNSET_VARIABLE' is not set"),
            (["callback_host": .string("0.0.0.0")], "beyond this machine, without security"),
            (["poll_interval": .integer(0)], "poll_interval must be a positive number of seconds"),
            (["max_callback_bytes": .integer(10)], "max_callback_bytes must be a whole number of at least 1024"),
            (["payload_directory": .integer(1)], "payload_directory must be a non-empty string"),
        ] as [([String: JSONValue], String)])
        func invalidSettingsNameTheKey(configuration: [String: JSONValue], message: String) throws {
            let error = try #require(throws: WeaveError.self) { try Self.check(configuration) }
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.message.contains("environments.c.executor_config"), "\(error.message)")
        }

        @Test func defaultsRunThisExecutableOnLoopback() throws {
            let settings = try BackendSettings([:], name: "slurm", adapterKeys: [], at: "c")
            #expect(settings.command == [StdioConfiguration.currentExecutable])
            #expect(settings.callbacks.host == "127.0.0.1")
            #expect(settings.callbacks.port == 0)
            #expect(settings.pollInterval == .seconds(2))
            #expect(settings.callbacks.token.count == 32)
        }

        @Test func optionsRoundTripThroughTheirConfiguration() throws {
            let options = BackendOptions(
                command: ["/bin/worker", "--fast"], callbackPort: 9000, callbackURL: "https://me.example/cb",
                pollInterval: .seconds(5), payloadDirectory: "/shared")
            let settings = try BackendSettings(options.configuration, name: "x", adapterKeys: [], at: "c")
            #expect(settings.command == ["/bin/worker", "--fast"])
            #expect(settings.callbacks.port == 9000)
            #expect(settings.callbacks.publicURL == "https://me.example/cb")
            #expect(settings.pollInterval == .seconds(5))
            #expect(settings.payloadDirectory == "/shared")
        }

        @Test func payloadRoundTripsAsJSONAndBase64() throws {
            let run = WoveFrame.runTask(
                runID: "double:1", taskID: "double", weave: "Report", args: ["value": 21],
                delivery: Delivery(timeoutSeconds: 5))
            let payload = BackendPayload(
                adapter: "slurm", callbackURL: "http://127.0.0.1:1/wove/events/t", callbackSecurity: "env:SECRET",
                run: run)
            #expect(try BackendPayload(decoding: Array(payload.encoded().utf8)) == payload)
            #expect(try BackendPayload(decoding: payload.json.serialized()) == payload)
            guard case .object(let fields) = payload.json else { return }
            #expect(fields["version"] == 1)
            #expect(fields["task_name"] == "double")
            #expect(fields["type"] == nil)
        }

        @Test(arguments: [
            ("bm90IGpzb24=", "not valid JSON"),
            ("[1]", "neither JSON nor base64"),
            (#"{"version":2,"callback_url":"http://x"}"#, "version is 2"),
            (#"{"version":1}"#, "no callback_url"),
            (#"{"version":1,"callback_url":"http://x","task_id":"t"}"#, "not a run_task"),
        ])
        func badPayloadsSayWhatIsWrong(text: String, message: String) {
            let error = #expect(throws: BackendPayloadError.self) { try BackendPayload(decoding: Array(text.utf8)) }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }
#endif
