#if HTTP
    import Foundation
    import Testing
    import Logging
    import NIOSSL
    import ServiceLifecycle
    import WoveDSL
    import WoveHTTP
    import WoveNetwork
    import WoveRuntime

    /// Records what the service's tasks did, from any thread.
    final class ServiceProbe: Sendable {
        private let events = LockedValue<[String]>([])
        func record(_ event: String) { events.withLock { $0.append(event) } }
        var all: [String] { events.withLock { $0 } }

        /// Waits (politely, in real time) until `event` was recorded.
        func wait(for event: String) async throws {
            while !all.contains(event) { try await Task.sleep(for: .milliseconds(5)) }
        }
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
        }
    }

    struct Profile: Codable, Sendable, Equatable {
        let id: Int
        let score: Int
    }

    /// Runs `body` with an ``HTTPWorkerService`` serving `tasks` on 127.0.0.1 (an ephemeral port),
    /// and stops the service gracefully afterwards.
    func withWorkerService<T: Sendable>(
        _ tasks: RemoteTasks,
        security: NetworkExecutorSecurity = .none(),
        tls: TLSConfiguration? = nil,
        maximumRequestSize: Int = 16 << 20,
        _ body: @Sendable (_ url: URL, _ stop: @escaping @Sendable () async -> Void) async throws -> T
    ) async throws -> T {
        let port = OneShotResult<Int>()
        let service = HTTPWorkerService(
            worker: WoveWorker { tasks.tasks }, security: security, tlsConfiguration: tls,
            maximumRequestSize: maximumRequestSize, shutdownGracePeriod: .seconds(1),
            logger: Logger(label: "wove.test.http-worker"),
            onServerRunning: { port.resolve(.success($0)) })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [service], logger: Logger(label: "wove.test")))
        return try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            let bound = try await port.value
            let scheme = tls == nil ? "http" : "https"
            let host = tls == nil ? "127.0.0.1" : "localhost"
            let url = try #require(URL(string: "\(scheme)://\(host):\(bound)/wove"))
            do {
                let result = try await body(url) { await group.triggerGracefulShutdown() }
                await group.triggerGracefulShutdown()
                try await running.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                running.cancelAll()
                throw error
            }
        }
    }

    /// A configuration whose `remote` environment is `executor`.
    func remote(_ executor: ExecutorProvider) -> WoveConfiguration {
        WoveConfiguration(environments: ["remote": EnvironmentSettings(executor: executor)])
    }
#endif
