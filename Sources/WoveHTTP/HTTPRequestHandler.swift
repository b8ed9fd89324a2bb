#if HTTP
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import WoveNetwork
    import WoveRuntime

    /// Answers one request of an ``HTTPWorkerService``: size, security, frame, then the run.
    struct HTTPRequestHandler: Sendable {
        let core: WorkerServiceCore
        let security: NetworkExecutorSecurity
        let maximumRequestSize: Int
        let logger: Logger

        func respond(to request: Request) async -> Response {
            let body: [UInt8]
            do {
                body = Array(buffer: try await request.body.collect(upTo: maximumRequestSize))
            } catch {
                return refusal(.contentTooLarge, "The request is larger than \(maximumRequestSize) bytes.")
            }
            if security.mode != .none {
                let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
                let headers = request.headers.map { ($0.name.rawName, $0.value) }
                do {
                    try security.verify(headers: headers, transport: .http, target: target, body: body)
                } catch {
                    logger.warning("Refused a request", metadata: ["reason": "\(error)"])
                    return refusal(error.isMissingCredentials ? .unauthorized : .forbidden, error.description)
                }
            }
            let frame: WoveFrame
            do {
                switch try WorkerServiceCore.command(in: body) {
                case .answered(let event): return answer([event])
                case .frame(let command): frame = command
                }
            } catch {
                return refusal(.badRequest, error.description)
            }
            if let run = frame.runRequest {
                let streams =
                    request.headers[.accept].map {
                        MediaTypeList.names(HTTPWorkerService.streamedTypes, in: $0)
                    } ?? false
                return await self.run(run, streaming: streams)
            }
            switch frame {
            case .cancelTask(let runID, _, _, _):
                core.runs.cancel(runID)
                return answer([])
            case .shutdown:
                return answer([])
            default:
                return refusal(.badRequest, "Unsupported frame type: \(frame.type)")
            }
        }

        private func run(_ run: RunRequest, streaming: Bool) async -> Response {
            switch core.admit(run) {
            case .answered(let event): return answer([event])
            case .busy:
                return refusal(
                    .serviceUnavailable,
                    "The worker service runs \(core.runs.maximumConcurrentRuns) tasks already.")
            case .run: break
            }
            let core = self.core
            // A connection's requests share its task: the run gets one of its own.
            @Sendable func perform(_ emit: @escaping @Sendable (WoveFrame) async -> Void) async {
                await core.runInOwnTask(run, emit: emit)
            }
            guard streaming else {
                let events = LockedValue<[WoveFrame]>([])
                await perform { frame in events.withLock { $0.append(frame) } }
                return answer(events.withLock { $0 })
            }
            var headers = HTTPFields()
            headers[.contentType] = HTTPWorkerService.streamedType.description
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    let (frames, sink) = AsyncStream<WoveFrame>.makeStream()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            await perform { sink.yield($0) }
                            sink.finish()
                        }
                        for await frame in frames {
                            // A client gone away fails the write: the run is cancelled with the group.
                            try await writer.write(ByteBuffer(bytes: try FrameLine.encode(frame)))
                        }
                        try await group.waitForAll()
                    }
                    try await writer.finish(nil)
                })
        }

        private func answer(_ frames: [WoveFrame]) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = (try? NetworkEvents.encode(frames)) ?? Array(#"{"events":[]}"#.utf8)
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }

        private func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = WorkerServiceCore.refusalBody(message)
            return Response(
                status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
#endif
