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

#endif
