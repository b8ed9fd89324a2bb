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
            _ = try BackendSettings(
                configuration, name: "slurm", adapterKeys: ["partition"], at: "environments.c.executor_config"
            )
        }

        @Test(
            arguments: [
                (["nope": JSONValue.integer(1)], "nope is not a setting of the slurm executor"),
                (["command": .array([])], "environments.c.executor_config.command is []"),
                (["callback_port": .integer(70_000)], "callback_port must be a port from 0 to 65535"),
                (["callback_url": .string("ftp://x")], "callback_url must be an http:// or https:// URL"),
                (["callback_token": .string("short")], "callback_token must be at least 16"),
                (
                    ["security": .object(["secret": .string("inline")])],
                    "security must name its secret by environment variable"
                ),
                (
                    ["security": .string("env:WOVE_TEST_UNSET_VARIABLE")],
                    "'WOVE_TEST_UNSET_VARIABLE' is not set"
                ),
                (["callback_host": .string("0.0.0.0")], "beyond this machine, without security"),
                (["poll_interval": .integer(0)], "poll_interval must be a positive number of seconds"),
                (
                    ["max_callback_bytes": .integer(10)],
                    "max_callback_bytes must be a whole number of at least 1024"
                ),
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
                adapter: "slurm", callbackURL: "http://127.0.0.1:1/wove/events/t",
                callbackSecurity: "env:SECRET",
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
            let error = #expect(throws: BackendPayloadError.self) {
                try BackendPayload(decoding: Array(text.utf8))
            }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }
#endif

#if Ray
    import WoveRay

    /// `wove_config.json` names: `ray` once registered, with its own settings checked.
    @Suite("Ray executor configuration")
    struct RayConfigurationTests {
        @Test func registeredNameReadsItsSettings() throws {
            ExecutorProvider.registerRayExecutors()
            let provider = try ExecutorProvider.named(
                "ray", configuration: ["address": "http://127.0.0.1:8265", "prefix": "p"],
                at: "environments.r")
            #expect(provider.name == "ray")
            for (configuration, message) in [
                (["address": JSONValue.string("ftp://x")], "address must be an http:// or https:// URL"),
                (["address": "http://ray.example:8265"], "another machine over plain HTTP"),
                (["metadata": ["n": 1]], "metadata.n must be a string"),
                (["token_env": "WOVE_TEST_UNSET_VARIABLE"], "'WOVE_TEST_UNSET_VARIABLE', which is not set"),
                (["speed": 1], "speed is not a setting of the ray executor"),
            ] as [([String: JSONValue], String)] {
                let error = try #require(throws: WeaveError.self) {
                    try ExecutorProvider.named("ray", configuration: configuration, at: "environments.r")
                }
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }
#endif

#if Slurm
    @testable import WoveSlurm

    /// The `slurm` executor's own settings (tests never register the name: another test expects it unregistered).
    @Suite("Slurm executor configuration")
    struct SlurmConfigurationTests {
        @Test func settingsNameTheKey() throws {
            for (configuration, message) in [
                (
                    ["sbatch_arguments": JSONValue.string("--mem=1G")],
                    "sbatch_arguments must be an array of strings"
                ),
                (["partition": 3], "partition must be a non-empty string"),
                (["sbatch": []], "sbatch.command is []"),
                (["walltime": "1"], "walltime is not a setting of the slurm executor"),
            ] as [([String: JSONValue], String)] {
                let error = try #require(throws: WeaveError.self) {
                    try WoveConfiguration(environments: [
                        "c": EnvironmentSettings(executor: .slurm(configuration: configuration))
                    ]).validate()
                }
                #expect(error.message.contains(message), "\(error.message)")
            }
            let typed = ExecutorProvider.slurm(
                partition: "debug", timeLimit: "5", sbatchArguments: ["--mem=1G"])
            let settings = try SlurmSettings(typed.configuration, at: "c")
            #expect(settings.arguments == ["--partition", "debug", "--time", "5", "--mem=1G"])
        }
    }
#endif
