#if WebSocket
    import Logging
    import WSCore
    import WoveNetwork
    import WoveRuntime

    /// Writes a connection's events back to its client. The run that emits an event while no write
    /// is under way writes it itself, with whatever other runs emitted meanwhile, in one message
    /// (`{"events": […]}` for several): no task is woken to write, and a busy connection writes
    /// fewer, larger messages.
    final class EventWriter: Sendable {
        private struct State: Sendable {
            var queued: [WoveFrame] = []
            var writing = false
            /// Set once a write failed: the client is gone, later events go nowhere.
            var failed = false
        }

        private let outbound: WebSocketOutboundWriter
        private let logger: Logger
        private let state = LockedValue(State())

        init(outbound: WebSocketOutboundWriter, logger: Logger) {
            self.outbound = outbound
            self.logger = logger
        }

        /// Sends `event`: written before this returns if no other write is under way, else by the
        /// write under way.
        func emit(_ event: WoveFrame) async {
            if enqueue([event]) { await writeQueued() }
        }

        /// Queues `events`, in order; `true` if no write is under way, in which case the caller
        /// must now call ``writeQueued()``.
        func enqueue(_ events: [WoveFrame]) -> Bool {
            state.withLock { state -> Bool in
                guard !state.failed else { return false }
                state.queued.append(contentsOf: events)
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
        }

        /// Writes what is queued, in messages, until nothing is: the caller's turn to write,
        /// given by ``enqueue(_:)``.
        ///
        /// A writing run that is cancelled (its `cancel_task` came) cannot write: the connection
        /// refuses writes from a cancelled task. It hands the writing over to a task of its own,
        /// which is not cancelled, instead of taking the client for gone.
        func writeQueued() async {
            while true {
                guard !Task.isCancelled else { return handOver() }
                let batch = state.withLock { state -> [WoveFrame] in
                    defer { state.queued.removeAll(keepingCapacity: true) }
                    if state.queued.isEmpty { state.writing = false }
                    return state.queued
                }
                guard !batch.isEmpty else { return }
                var length = 0
                do {
                    let message = try Self.message(of: batch)
                    length = message.count
                    try await WebSocketMessages.write(message, to: outbound)
                } catch is CancellationError
                    where Task.isCancelled && length <= WebSocketMessages.fragmentSize
                {
                    // A one-frame message is refused before any of it goes out (the connection
                    // checks first): the batch is still to be written. (A longer one may have
                    // been cut after its first frames, which the client cannot read past.)
                    state.withLock { $0.queued.insert(contentsOf: batch, at: 0) }
                    return handOver()
                } catch {
                    logger.debug("WebSocket client left", metadata: ["reason": "\(error)"])
                    state.withLock { state in
                        state.failed = true
                        state.writing = false
                        state.queued = []
                    }
                    return
                }
            }
        }

        /// Goes on writing in a new task: the caller, which holds `writing`, was cancelled.
        private func handOver() {
            Task { await writeQueued() }
        }

        /// One event as its JSON object, several as `{"events": […]}`.
        private static func message(of batch: [WoveFrame]) throws -> [UInt8] {
            batch.count == 1 ? try batch[0].serializedEvent() : try NetworkEvents.encode(batch)
        }
    }
#endif
