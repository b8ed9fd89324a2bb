#if GRPC
    import GRPCCore
    import Logging
    import WoveNetwork
    import WoveRuntime

    /// The one generic unary method a ``GRPCWorkerService`` serves: the frame's JSON bytes in, its
    /// events (`{"events": […]}`) out. The security metadata is verified before the frame is read.
    struct WoveRPCService: RegistrableRPCService {
        let method: MethodDescriptor
        /// The method's path, `/service/method`: the target signatures cover.
        let path: String
        let core: WorkerServiceCore
        let security: NetworkExecutorSecurity
        let logger: Logger

        func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
            router.registerHandler(forMethod: method, deserializer: RawBytes(), serializer: RawBytes()) {
                [self] request, _ in
                let single = try await ServerRequest(stream: request)
                let answer = try await respond(to: single.message, metadata: single.metadata)
                return StreamingServerResponse(single: ServerResponse(message: answer))
            }
        }

        /// Verifies, reads and acts on one frame; a refusal is an `RPCError` saying why.
        private func respond(to body: [UInt8], metadata: Metadata) async throws(RPCError) -> [UInt8] {
            if security.mode != .none {
                let headers = metadata.compactMap { entry -> (String, String)? in
                    guard case .string(let value) = entry.value else { return nil }
                    return (entry.key, value)
                }
                do {
                    try security.verify(headers: headers, transport: .grpc, target: path, body: body)
                } catch {
                    logger.warning("Refused a call", metadata: ["reason": "\(error)"])
                    throw RPCError(
                        code: error.isMissingCredentials ? .unauthenticated : .permissionDenied,
                        message: error.description)
                }
            }
            let command: WorkerServiceCore.Command
            do {
                command = try WorkerServiceCore.command(in: body)
            } catch {
                throw RPCError(code: .invalidArgument, message: error.description)
            }
            let frame: WoveFrame
            switch command {
            case .answered(let event): return try Self.events([event])
            case .frame(let command): frame = command
            }
            if let run = frame.runRequest {
                switch core.admit(run) {
                case .answered(let event): return try Self.events([event])
                case .busy:
                    throw RPCError(
                        code: .resourceExhausted,
                        message: "The worker service runs \(core.runs.maximumConcurrentRuns) tasks already.")
                case .run:
                    let events = LockedValue<[WoveFrame]>([])
                    await core.runInOwnTask(run) { event in events.withLock { $0.append(event) } }
                    return try Self.events(events.withLock { $0 })
                }
            }
            switch frame {
            case .cancelTask(let runID, _, _, _):
                core.runs.cancel(runID)
                return try Self.events([])
            case .shutdown: return try Self.events([])
            default: throw RPCError(code: .invalidArgument, message: "Unsupported frame type: \(frame.type)")
            }
        }

        private static func events(_ frames: [WoveFrame]) throws(RPCError) -> [UInt8] {
            do {
                return try NetworkEvents.encode(frames)
            } catch {
                throw RPCError(
                    code: .internalError, message: "The events could not be written as JSON: \(error).")
            }
        }
    }
#endif
