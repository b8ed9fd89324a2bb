#if HTTP
    import NIOCore
    import NIOHTTP1
    import WoveNetwork
    import WoveRuntime

    /// One request's answer, read as its parts arrive, whichever way they are handed over: its
    /// events are pushed into the executor's inbox as soon as they can be read.
    ///
    /// A `2xx` answer of newline-delimited JSON is delivered line by line (so heartbeats reach the
    /// delivery watchdog while the run goes on); any other `2xx` answer is one JSON document, an
    /// event, a list or `{"events": [...]}`, read when it ends. Any other status is a refusal,
    /// quoted from its body (at most 64 KiB of it). ``finish(_:into:)`` then fails a run the
    /// answer did not end, with a `transport` error saying why.
    struct FrameAnswer {
        /// The most bytes of a successful answer (or of one line of a streamed one) kept: a
        /// larger one fails its run.
        static let maximumAnswerBytes = 64 << 20
        /// The most bytes of a refusal read for its message.
        static let maximumRefusalBytes = 64 << 10

        private var outcome: RequestOutcome
        private let endpoint: String
        private var status = HTTPResponseStatus.ok
        private var streams = false
        private var body: [UInt8] = []
        /// How much of `body` a streamed answer has searched for a newline already.
        private var scanned = 0
        private var finished = false

        /// The answer to a request carrying `frame`, sent to `endpoint`.
        init(to frame: WoveFrame, endpoint: String) {
            self.outcome = RequestOutcome(of: frame, service: "HTTP worker service")
            self.endpoint = endpoint
        }

        private var refused: Bool { !(200..<300).contains(status.code) }

        /// The answer's status and `Content-Type` arrived.
        mutating func head(_ status: HTTPResponseStatus, contentType: String?) {
            self.status = status
            streams =
                !refused
                && contentType.map { MediaTypeList.names(HTTPWorkerService.streamedTypes, in: $0) } ?? false
        }

        /// Part of the body arrived.
        ///
        /// - Throws: if the answer, or a line of a streamed one, is too long, or a line is not
        ///   events.
        mutating func receive(_ part: ByteBuffer, into inbox: FrameInbox) throws {
            let limit = refused ? Self.maximumRefusalBytes : Self.maximumAnswerBytes
            body.append(contentsOf: part.readableBytesView)
            if streams { try deliverLines(into: inbox) }
            guard body.count <= limit else {
                throw NetworkEvents.DecodingError(
                    description: streams
                        ? "A response line is longer than \(limit) bytes."
                        : "The answer is longer than \(limit) bytes."
                )
            }
        }

        /// The body ended: reads the document, what is left of a streamed answer, or the refusal.
        ///
        /// - Throws: if what is left is not events.
        mutating func end(into inbox: FrameInbox) throws {
            guard !refused else {
                let text = String(decoding: body, as: UTF8.self)
                let detail = HTTPWorkerService.errorMessage(in: text) ?? text.prefix(200).description
                outcome.refused(
                    "HTTP worker service answered \(status.code) \(status.reasonPhrase)"
                        + (detail.isEmpty ? "" : ": \(detail)"),
                    retryable: ![401, 403, 413].contains(status.code))
                return
            }
            for event in try NetworkEvents.decode(body) { outcome.deliver(event, to: inbox) }
            body = []
        }

        /// Ends the request, once: `result` is how it ended; a run it did not end fails.
        mutating func finish(_ result: Result<Void, any Error>, into inbox: FrameInbox) {
            guard !finished else { return }
            finished = true
            if case .failure(let error) = result { outcome.failed(error) }
            outcome.finish(into: inbox, endpoint: endpoint)
        }

        /// Delivers each complete line received so far; what follows the last newline waits.
        private mutating func deliverLines(into inbox: FrameInbox) throws {
            var start = 0
            // Only the bytes that arrived since the last search: a long line is searched once.
            while let newline = body[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                for event in try NetworkEvents.decode(Array(body[start..<newline])) {
                    outcome.deliver(event, to: inbox)
                }
                start = newline + 1
            }
            body.removeSubrange(..<start)
            scanned = body.count
        }
    }
#endif
