#if WebSocket
    import Logging
    import WSCore
    import WoveNetwork
    import WoveRuntime

    /// One client connection of a ``WebSocketWorkerService``: reads command frames, runs each
    /// `run_task` in a task of its own while reading on, and writes every event back as it comes,
    /// through one writer. When the client leaves (or sends `shutdown`), the runs it started are
    /// cancelled.
    struct WebSocketSession: Sendable {
        let core: WorkerServiceCore
        let maximumMessageSize: Int
        let logger: Logger

        func serve(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async {
            let (events, sink) = AsyncStream<WoveFrame>.makeStream()
            await withTaskGroup(of: Void.self) { connection in
                connection.addTask { await write(events, to: outbound) }
                await withTaskGroup(of: Void.self) { runs in
                    do {
                        try await read(inbound, into: &runs, emit: sink)
                    } catch {
                        logger.warning("WebSocket connection failed", metadata: ["reason": "\(error)"])
                    }
                    runs.cancelAll()
                    await runs.waitForAll()
                }
                sink.finish()
                await connection.waitForAll()
            }
        }

        /// Acts on each message until the client closes the connection or sends `shutdown`.
        private func read(
            _ inbound: WebSocketInboundStream, into runs: inout TaskGroup<Void>,
            emit sink: AsyncStream<WoveFrame>.Continuation
        ) async throws {
            var messages = inbound.messages(maxSize: maximumMessageSize).makeAsyncIterator()
            while let message = try await messages.next() {
                let command: WorkerServiceCore.Command
                do {
                    command = try WorkerServiceCore.command(in: WebSocketMessages.bytes(of: message))
                } catch {
                    sink.yield(.log(message: error.description))
                    continue
                }
                switch command {
                case .answered(let event): sink.yield(event)
                case .frame(.runTask(let runID, let taskID, _, let args, let delivery)):
                    switch core.admit(runID) {
                    case .alreadyCancelled: sink.yield(.taskCancelled(runID: runID, taskID: taskID))
                    case .busy:
                        sink.yield(
                            .taskError(
                                runID: runID, taskID: taskID,
                                error: RemoteError(
                                    kind: "ServiceBusy",
                                    message:
                                        "The worker service runs \(core.runs.maximumConcurrentRuns) tasks already.",
                                    retryable: true, source: .executor)))
                    case .run(let canceller):
                        runs.addTask { [core] in
                            await core.run(
                                canceller, runID: runID, taskID: taskID, args: args, delivery: delivery,
                                emit: { sink.yield($0) })
                        }
                    }
                case .frame(.cancelTask(let runID, _, _, _)): core.runs.cancel(runID)
                case .frame(.shutdown): return
                case .frame(let other): sink.yield(.log(message: "Unsupported frame type: \(other.type)"))
                }
            }
        }

        /// Writes each event as one message, until the events end or the connection fails.
        private func write(_ events: AsyncStream<WoveFrame>, to outbound: WebSocketOutboundWriter) async {
            for await event in events {
                do {
                    try await WebSocketMessages.write(try Self.bytes(of: event), to: outbound)
                } catch {
                    logger.debug("WebSocket client left", metadata: ["reason": "\(error)"])
                    return
                }
            }
        }

        /// The event as JSON; one that cannot be written (a number JSON cannot hold) becomes its
        /// run's `task_error`, so the run still ends.
        private static func bytes(of event: WoveFrame) throws -> [UInt8] {
            do {
                return try event.serialized()
            } catch {
                guard let runID = event.runID, case .taskResult(_, let taskID, _) = event else { throw error }
                return try WoveFrame.taskError(
                    runID: runID, taskID: taskID,
                    error: RemoteError(
                        kind: "UnencodableResult",
                        message: "The result could not be written as JSON: \(error).",
                        source: .task)
                ).serialized()
            }
        }
    }
#endif
