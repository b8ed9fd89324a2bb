/// An executor whose events all go through a ``FrameInbox``: declare it, and
/// ``EnvironmentExecutor/recv()`` comes with it, and the runtime routes each pushed event to the
/// run waiting for it on the pushing thread, with no task woken to read it.
///
/// ```swift
/// final class QueueExecutor: InboxBackedExecutor {
///     let inbox = FrameInbox()
///     func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig) async throws {}
///     func send(_ frame: WoveFrame) async throws { /* hand it on; push answers with inbox.push(_:) */ }
///     func stop() async throws { inbox.fail(CancellationError()) }
/// }
/// ```
///
/// Every built-in executor is one; so is the `CustomExecutor` example's.
public protocol InboxBackedExecutor: EnvironmentExecutor {
    /// Where the executor pushes the events it receives.
    var inbox: FrameInbox { get }
}

extension InboxBackedExecutor {
    /// The inbox's next frame.
    public func recv() async throws -> WoveFrame { try await inbox.next() }
}
