#if HTTP
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import WoveDSL
    import WoveNetwork
    import WoveRuntime

    /// Answers one request of an ``HTTPWorkerService``: size, security, frame, then the run.
    struct HTTPRequestHandler: Sendable {
        let worker: WoveWorker
        let security: NetworkExecutorSecurity
        let maximumRequestSize: Int
        let runs: RunRegistry
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
                frame = try FrameLine.decode(body)
            } catch {
                return refusal(.badRequest, "The request is not a Wove frame: \(FrameLine.reason(error)).")
            }
            switch frame {
            case .runTask(let runID, let taskID, _, let args, let delivery):
                let streams = request.headers[.accept]?.utf8.contains("application/x-ndjson".utf8) == true
                return await run(
                    runID: runID, taskID: taskID, args: args, delivery: delivery, streaming: streams)
            case .cancelTask(let runID, _, _, _):
                runs.cancel(runID)
                return answer([])
            case .shutdown:
                return answer([])
            default:
                return refusal(.badRequest, "Unsupported frame type: \(frame.type)")
            }
        }

        private func run(
            runID: String, taskID: String, args: [String: JSONValue], delivery: Delivery, streaming: Bool
        ) async -> Response {
            let canceller: RunCanceller
            switch runs.begin(runID) {
            case .alreadyCancelled: return answer([.taskCancelled(runID: runID, taskID: taskID)])
            case .busy:
                return refusal(
                    .serviceUnavailable,
                    "The worker service runs \(runs.maximumConcurrentRuns) tasks already.")
            case .run(let registered): canceller = registered
            }
            let worker = self.worker
            let runs = self.runs
            /// Runs the task, handing each event to `emit`, until it ends or is cancelled: by a
            /// `cancel_task`, by shutdown, or by the request's own task ending (the client left).
            @Sendable func perform(_ emit: @escaping @Sendable (WoveFrame) async -> Void) async {
                defer { runs.end(runID) }
                // Started on this thread: a body that does not suspend has ended before the next
                // line, with no other thread woken to run it or to resume the handler.
                let work = startImmediately {
                    await worker.run(runID: runID, taskID: taskID, args: args, delivery: delivery, emit: emit)
                }
                canceller.attach(work)
                await withTaskCancellationHandler {
                    await work.value
                } onCancel: {
                    work.cancel()
                }
            }
            guard streaming else {
                let events = LockedValue<[WoveFrame]>([])
                await perform { frame in events.withLock { $0.append(frame) } }
                return answer(events.withLock { $0 })
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/x-ndjson"
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
            let body = (try? JSONValue.object(["error": .string(message)]).serialized()) ?? []
            return Response(
                status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
#endif
