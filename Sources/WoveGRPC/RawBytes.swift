#if GRPC
    import GRPCCore

    /// The identity serializer: messages are the JSON bytes of Wove frames, as they are.
    struct RawBytes: MessageSerializer, MessageDeserializer {
        func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

        func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
            serializedMessageBytes.withUnsafeBytes { Array($0) }
        }
    }

    extension MethodDescriptor {
        /// The method of a path such as `/wove.network_executor.WorkerService/Send`; `nil` unless
        /// the path names a service and a method.
        init?(path: String) {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
            self.init(fullyQualifiedService: String(parts[1]), method: String(parts[2]))
        }
    }
#endif
