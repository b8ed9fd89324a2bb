#if HTTP
    import AsyncHTTPClient
    import NIOCore
    import NIOHTTP1
    import WoveRuntime

    /// Reads a request's ``FrameAnswer`` as AsyncHTTPClient hands it over, on the request's event
    /// loop, pushing its events into the executor's inbox there: the run waiting for them is
    /// resumed straight from the event loop, with no task in between to wake. When the request
    /// ends, however it ends, its ``lease`` is told the answer is in, the answer is finished,
    /// and the lease ends.
    final class FrameResponseReader: HTTPClientResponseDelegate, @unchecked Sendable {
        // Safe to share: `lease` is set before the reader is handed to AsyncHTTPClient, which
        // then calls its methods on the request's event loop, one at a time, as does the
        // request's future (``finish(_:)``, registered by the executor); nothing else touches
        // the state below.
        typealias Response = Void

        private var answer: FrameAnswer
        private let inbox: FrameInbox
        /// The request's place in the executor's table, if it has one; given back once.
        var lease: RequestTable.Lease?

        /// A reader of the answer to a request carrying `frame`, sent to `endpoint`.
        init(to frame: WoveFrame, endpoint: String, inbox: FrameInbox) {
            self.answer = FrameAnswer(to: frame, endpoint: endpoint)
            self.inbox = inbox
        }

        func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
            answer.head(head.status, contentType: head.headers.first(name: "Content-Type"))
            return task.eventLoop.makeSucceededVoidFuture()
        }

        func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
            do {
                try answer.receive(buffer, into: inbox)
                return task.eventLoop.makeSucceededVoidFuture()
            } catch {
                finish(.failure(error))
                return task.eventLoop.makeFailedFuture(error)
            }
        }

        func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) { finish(.failure(error)) }

        func didFinishRequest(task: HTTPClient.Task<Void>) {
            lease?.answered()
            let result = Result { try answer.end(into: inbox) }
            finish(result)
        }

        /// Ends the request with `result`, once: a later call does nothing.
        func finish(_ result: Result<Void, any Error>) {
            lease?.answered()
            answer.finish(result, into: inbox)
            lease?.end()
            lease = nil
        }
    }
#endif
