#if WebSocket
    import Logging
    import WSCore
    import WoveNetwork
    import WoveRuntime

    /// One client connection of a ``WebSocketWorkerService``: reads command frames, runs each
    /// `run_task` in a task of its own while reading on, and writes every event back as it comes
    /// (see ``EventWriter``). When the client leaves (or sends `shutdown`), the runs it started
    /// are cancelled.
    struct WebSocketSession: Sendable {
        let core: WorkerServiceCore
        let maximumMessageSize: Int
        let logger: Logger

        func serve(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter) async {
            let writer = EventWriter(outbound: outbound, logger: logger)
            let runs = TaskTable()
            do {
                try await read(inbound, starting: runs, writer: writer)
            } catch {
                logger.warning("WebSocket connection failed", metadata: ["reason": "\(error)"])
            }
            runs.cancelAll()
            await runs.waitForAll()
        }

        /// Acts on each message until the client closes the connection or sends `shutdown`.
        private func read(_ inbound: WebSocketInboundStream, starting runs: TaskTable, writer: EventWriter)
            async throws
        {
            var messages = inbound.messages(maxSize: maximumMessageSize).makeAsyncIterator()
            while let message = try await messages.next() {
                let command: WorkerServiceCore.Command
                do {
                    command = try WorkerServiceCore.command(in: WebSocketMessages.bytes(of: message))
                } catch {
                    await writer.emit(.log(message: error.description))
                    continue
                }
                if case .frame(let frame) = command, let run = frame.runRequest {
                    switch core.admit(run) {
                    case .answered(let event): await writer.emit(event)
                    case .busy:
                        await writer.emit(
                            .taskError(
                                runID: run.runID, taskID: run.taskID,
                                error: RemoteError(
                                    kind: "ServiceBusy",
                                    message:
                                        "The worker service runs \(core.runs.maximumConcurrentRuns) tasks already.",
                                    retryable: true, source: .executor)))
                    case .run:
                        // Started here, in a task that is the run's own: a run that never waits is
                        // over before the next message is read.
                        let hold = StartedEventHold(writer: writer)
                        runs.start { [core] in await core.run(run, emit: hold.emit) }
                        if hold.release() { runs.start { await writer.writeQueued() } }
                    }
                    continue
                }
                switch command {
                case .answered(let event): await writer.emit(event)
                case .frame(.cancelTask(let runID, _, _, _)): core.runs.cancel(runID)
                case .frame(.shutdown): return
                case .frame(let other):
                    await writer.emit(.log(message: "Unsupported frame type: \(other.type)"))
                }
            }
        }
    }
#endif
