#if HTTP || WebSocket || GRPC || Backends
    package import WoveRuntime

    /// What became of one request of a request-per-frame executor (HTTP, gRPC), as far as the run
    /// it carries is concerned: its events are delivered as they come, and a request that ends
    /// without the run's outcome fails the run with a `transport` error saying why.
    package struct RequestOutcome {
        /// The run a `run_task` request carries; `nil` for other frames.
        private let run: (runID: String, taskID: String)?
        /// The service's name in messages, e.g. `HTTP worker service`.
        private let service: String
        private var ended = false
        private var sawEvent = false
        private var failure: (message: String, retryable: Bool)?

        /// The outcome of a request carrying `frame`, sent to `service`.
        package init(of frame: WoveFrame, service: String) {
            if case .runTask(let runID, let taskID, _, _, _, _) = frame {
                run = (runID, taskID)
            } else {
                run = nil
            }
            self.service = service
        }

        /// Pushes `event` into `inbox`, noting whether it ended the request's run.
        package mutating func deliver(_ event: WoveFrame, to inbox: FrameInbox) {
            if let run, event.runID == run.runID, event.isTerminal { ended = true }
            sawEvent = true
            inbox.push(event)
        }

        /// The service refused the request, saying `message`.
        package mutating func refused(_ message: String, retryable: Bool) { failure = (message, retryable) }

        /// The request failed with `error`: worth another attempt.
        package mutating func failed(_ error: any Error) { failure = ("\(error)", true) }

        /// Fails the run of a `run_task` request that ended without its outcome, naming `endpoint`.
        package func finish(into inbox: FrameInbox, endpoint: String) {
            guard let run, !ended else { return }
            let message: String
            var retryable = true
            if let failure {
                message = "Request to \(endpoint) failed: \(failure.message)"
                retryable = failure.retryable
            } else if !sawEvent {
                message = "\(service) returned an empty response."
            } else {
                message = "\(service) ended its response before the run finished."
            }
            inbox.push(
                .taskError(
                    runID: run.runID, taskID: run.taskID,
                    error: RemoteError(
                        kind: "\(service.split(separator: " ").first ?? "Network")TransportError",
                        message: message,
                        retryable: retryable, source: .transport)))
        }
    }
#endif
