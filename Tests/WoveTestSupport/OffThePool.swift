import Foundation
import WoveRuntime

/// Runs `body` on a thread of its own and returns its outcome, so a blocking wait (a child
/// process, a pipe, `weaveBlocking`) never holds one of Swift's few cooperative threads, which
/// the timing tests need.
///
/// The outcome comes back through a lock as well as the continuation: ThreadSanitizer on Linux
/// does not see the order a continuation's resume gives (swiftlang/swift#57803), so reading,
/// after the await, what the thread wrote would look like a race.
public func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async -> Result<T, any Error>
{
    let outcome = LockedValue<Result<T, any Error>>(.failure(CancellationError()))
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        Thread.detachNewThread {
            let result = Result(catching: body)
            outcome.withLock { $0 = result }
            continuation.resume()
        }
    }
    return outcome.withLock { $0 }
}

/// ``onOwnThread(_:)``, returning what `body` returned or throwing what it threw.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await onOwnThread(body).get()
}
