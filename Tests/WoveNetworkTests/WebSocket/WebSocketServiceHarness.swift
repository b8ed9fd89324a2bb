#if WebSocket
    import Foundation
    import Testing
    import Logging
    import NIOSSL
    import ServiceLifecycle
    import WoveDSL
    import WoveNetwork
    import WoveRuntime
    import WoveWebSocket

    /// Runs `body` with a ``WebSocketWorkerService`` serving `tasks` on 127.0.0.1 (an ephemeral
    /// port), and stops the service gracefully afterwards.
    func withWebSocketService<T: Sendable>(
        _ tasks: RemoteTasks,
        security: NetworkExecutorSecurity = .none(),
        tls: TLSConfiguration? = nil,
        maximumMessageSize: Int = 16 << 20,
        _ body: @Sendable (_ url: URL, _ stop: @escaping @Sendable () async -> Void) async throws -> T
    ) async throws -> T {
        let port = OneShotResult<Int>()
        let service = WebSocketWorkerService(
            worker: WoveWorker { tasks.tasks }, security: security, tlsConfiguration: tls,
            maximumMessageSize: maximumMessageSize, shutdownGracePeriod: .seconds(1),
            logger: Logger(label: "wove.test.websocket-worker"),
            onServerRunning: { port.resolve(.success($0)) })
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [service], logger: Logger(label: "wove.test")))
        return try await withThrowingTaskGroup(of: Void.self) { running in
            running.addTask { try await group.run() }
            let bound = try await port.value
            let url = try #require(
                URL(string: tls == nil ? "ws://127.0.0.1:\(bound)/ws" : "wss://localhost:\(bound)/ws"))
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
