#if HTTP || WebSocket || GRPC
    import Foundation
    import Testing
    import WoveDSL
    import WoveRuntime

    /// Records what the service's tasks did, from any thread.
    final class ServiceProbe: Sendable {
        private let events = LockedValue<[String]>([])
        func record(_ event: String) { events.withLock { $0.append(event) } }
        var all: [String] { events.withLock { $0 } }

        /// Waits (politely, in real time) until `event` was recorded; throws after 10 s without it,
        /// so a test fails rather than hangs.
        func wait(for event: String) async throws {
            let deadline = ContinuousClock.now + .seconds(10)
            while !all.contains(event) {
                guard ContinuousClock.now < deadline else {
                    throw ProbeTimeout(
                        description: "'\(event)' was not recorded within 10 s; recorded: \(all)")
                }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    /// An event a test waited for did not happen.
    struct ProbeTimeout: Error, CustomStringConvertible {
        let description: String
    }

    /// The tasks both sides declare by name: the service runs them, the weaves route them there.
    struct RemoteTasks: Weave {
        let probe: ServiceProbe

        var tasks: some WeaveContent {
            Task("double", after: "value") { (value: Int) in value * 2 }
            Task("profile", after: "user_id") { (id: Int) in Profile(id: id, score: id * 10) }
            Task("plus_one", mapping: "values") { (value: Int) in value + 1 }
            Task("slow", after: "ms") { [probe] (ms: Int) async throws -> Int in
                probe.record("slow started")
                do {
                    try await Task.sleep(for: .milliseconds(ms))
                } catch {
                    probe.record("slow cancelled")
                    throw error
                }
                probe.record("slow finished")
                return ms
            }
            Task("echo", after: "text") { (text: String) in text.count }
            Task("pause", mapping: "durations") { (ms: Int) async throws -> Int in
                try await Task.sleep(for: .milliseconds(ms))
                return ms
            }
        }
    }

    struct Profile: Codable, Sendable, Equatable {
        let id: Int
        let score: Int
    }

    /// A configuration whose `remote` environment is `executor`.
    func remote(_ executor: ExecutorProvider) -> WoveConfiguration {
        WoveConfiguration(environments: ["remote": EnvironmentSettings(executor: executor)])
    }
#endif
