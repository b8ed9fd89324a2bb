#if HTTP || WebSocket || GRPC || Backends
    public import WoveRuntime
    import Foundation

    /// The event frames a worker service answers with, in the shapes Python wove accepts: one
    /// event object, a list of them, or `{"events": [...]}`.
    public enum NetworkEvents {
        /// Why an answer could not be read, in Python wove's words where it has them.
        public struct DecodingError: Error, Sendable, CustomStringConvertible {
            /// What is wrong.
            public let description: String

            /// An error saying `description`.
            public init(description: String) { self.description = description }
        }

        /// The frames in `body`.
        ///
        /// - Throws: ``DecodingError`` naming what is wrong; an empty body has no frames.
        public static func decode(_ body: [UInt8]) throws(DecodingError) -> [WoveFrame] {
            guard FrameLine.hasContent(body) else { return [] }
            let message: EventsMessage
            do {
                message = try EventsMessage.parse(body)
            } catch {
                throw DecodingError(
                    description: "Network executor response is not JSON: \(FrameLine.reason(error)).")
            }
            let events: [FrameEnvelope]
            switch message {
            case .list(let list): events = list
            case .wrapped(let list?): events = list
            case .wrapped(nil):
                throw DecodingError(description: "Network executor response events must be a list.")
            case .single(let event): events = [event]
            case .other: throw DecodingError(description: "Network executor events must be dictionaries.")
            }
            var frames: [WoveFrame] = []
            frames.reserveCapacity(events.count)
            for event in events {
                guard case .object = event else {
                    throw DecodingError(description: "Network executor events must be dictionaries.")
                }
                do {
                    frames.append(try event.frame())
                } catch {
                    throw DecodingError(
                        description:
                            "Network executor event \(FrameLine.excerpt(Array(event.json.description.utf8))) "
                            + "could not be read: \(FrameLine.reason(error)).")
                }
            }
            return frames
        }

        /// `frames` as `{"events": [...]}`, the answer every peer reads. A result that JSON cannot
        /// hold (a number out of its range) is answered as its run's `task_error`, so the run
        /// still ends.
        ///
        /// - Throws: for any other frame that cannot be written.
        public static func encode(_ frames: [WoveFrame]) throws -> [UInt8] {
            var bytes = Array(#"{"events":["#.utf8)
            for (position, frame) in frames.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: try frame.serializedEvent())
            }
            bytes.append(contentsOf: "]}".utf8)
            return bytes
        }
    }
#endif
