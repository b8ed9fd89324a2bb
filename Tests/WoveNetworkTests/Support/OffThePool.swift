#if HTTP || WebSocket || GRPC
    import Foundation

    /// Runs `body` on a thread of its own and awaits it, so a blocking wait (a child process, a
    /// pipe) never holds one of Swift's few cooperative threads, which the timing tests need.
    func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result(catching: body)) }
        }
    }
#endif
