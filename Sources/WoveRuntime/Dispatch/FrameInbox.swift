/// The queue behind an ``EnvironmentExecutor``'s ``EnvironmentExecutor/recv()``: whatever
/// receives events (a reader thread, a connection's handler, a callback server) pushes them, and
/// `recv()` returns ``next()``.
///
/// It keeps the executor contract for you: ``next()`` returns as soon as the waiting task is
/// cancelled, and once ``fail(_:)`` is called (from `stop()`, or when the connection dies) it
/// throws that error, every time, after the frames already pushed.
///
/// ```swift
/// final class QueueExecutor: EnvironmentExecutor {
///     private let events = FrameInbox()
///     func recv() async throws -> WoveFrame { try await events.next() }
///     func stop() async throws { events.fail(CancellationError()) }
///     // start and send push answers with events.push(_:)
/// }
/// ```
///
/// An executor that declares ``InboxBackedExecutor`` instead gets `recv()` with it, and its
/// events reach their runs without a task woken for each.
///
/// See the `CustomExecutor` example (`swift run CustomExecutor`) for a whole executor.
public final class FrameInbox: Sendable {
    private struct State {
        var frames: [WoveFrame] = []
        var head = 0
        var failure: (any Error)?
        var waiter: CheckedContinuation<WoveFrame, any Error>?
        /// Set by ``deliverDirectly(to:)``: where pushed frames go instead of the queue.
        var consumer: (@Sendable (WoveFrame) -> Void)?
    }

    private let state = LockedValue(State())

    /// A concurrent ``FrameInbox/next()`` call: only one task may wait at a time.
    public struct ConcurrentReceiveError: Error, CustomStringConvertible {
        /// Says so.
        public var description: String { "FrameInbox.next() was called while another call was waiting." }
    }

    /// An empty inbox.
    public init() {}

    /// Delivers `frame` to the waiting receiver, or queues it; ignored after ``fail(_:)``.
    public func push(_ frame: WoveFrame) {
        enum Delivery {
            case waiter(CheckedContinuation<WoveFrame, any Error>)
            case consumer(@Sendable (WoveFrame) -> Void)
        }
        let delivery = state.withLock { state -> Delivery? in
            guard state.failure == nil else { return nil }
            if let consumer = state.consumer { return .consumer(consumer) }
            if let waiter = state.waiter {
                state.waiter = nil
                return .waiter(waiter)
            }
            state.frames.append(frame)
            return nil
        }
        switch delivery {
        case .waiter(let waiter): waiter.resume(returning: frame)
        case .consumer(let consume): consume(frame)
        case nil: break
        }
    }

    /// From now on, hands every pushed frame to `consume` on the pushing thread, instead of
    /// queueing it for ``next()``: the runtime's receive loop installs this to route events
    /// without waking a task for each. Frames queued before are still returned by ``next()``,
    /// which keeps waiting for ``fail(_:)`` after them.
    /// `nil` turns direct delivery off again.
    package func deliverDirectly(to consume: (@Sendable (WoveFrame) -> Void)?) {
        state.withLock { $0.consumer = consume }
    }

    /// Ends the stream with `error` once the queued frames are taken; later failures are ignored.
    public func fail(_ error: any Error) {
        let waiter = state.withLock { state -> CheckedContinuation<WoveFrame, any Error>? in
            guard state.failure == nil else { return nil }
            state.failure = error
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(throwing: error)
    }

    /// The next frame; throws the stream's failure once drained, or `CancellationError` as soon
    /// as the waiting task is cancelled.
    public func next() async throws -> WoveFrame {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<WoveFrame, any Error>? in
                    if state.head < state.frames.count {
                        let frame = state.frames[state.head]
                        state.head += 1
                        if state.head == state.frames.count {
                            state.frames.removeAll(keepingCapacity: true)
                            state.head = 0
                        } else if state.head >= 1024, state.head * 2 >= state.frames.count {
                            state.frames.removeSubrange(0..<state.head)
                            state.head = 0
                        }
                        return .success(frame)
                    }
                    if let failure = state.failure { return .failure(failure) }
                    // Checked under the lock: the cancellation handler takes the waiter under it too,
                    // so a cancellation either sees the waiter or is seen here.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.waiter != nil {
                        return .failure(ConcurrentReceiveError())
                    }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<WoveFrame, any Error>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
