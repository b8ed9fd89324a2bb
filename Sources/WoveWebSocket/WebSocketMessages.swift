#if WebSocket
    import NIOCore
    import WSCore

    /// How both ends of Wove's WebSocket transport write a frame: one text message, fragmented
    /// into frames of at most ``fragmentSize`` bytes, so a peer keeping WebSocket's usual 16 KiB
    /// frame limit reads messages of any size.
    enum WebSocketMessages {
        static let fragmentSize = 1 << 14

        static func write(_ bytes: [UInt8], to outbound: WebSocketOutboundWriter) async throws {
            var buffer = ByteBuffer(bytes: bytes)
            try await outbound.withTextMessageWriter { writer in
                repeat {
                    guard let fragment = buffer.readSlice(length: min(fragmentSize, buffer.readableBytes))
                    else { break }
                    try await writer(fragment)
                } while buffer.readableBytes > 0
            }
        }

        /// The bytes of a message, text or binary.
        static func bytes(of message: WebSocketMessage) -> [UInt8] {
            switch message {
            case .text(let text): Array(text.utf8)
            case .binary(let buffer): Array(buffer: buffer)
            }
        }
    }
#endif
