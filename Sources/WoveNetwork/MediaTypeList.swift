#if HTTP || WebSocket || GRPC || Backends
    /// Reads a `Content-Type` or `Accept` header as a list of media types, without allocating:
    /// the header is checked on every request and answer.
    package enum MediaTypeList {
        /// Whether `header` (media types separated by commas, each with optional `;` parameters)
        /// names any of `mediaTypes`, compared without regard to ASCII case or surrounding white
        /// space.
        package static func names(_ mediaTypes: [StaticString], in header: String) -> Bool {
            mediaTypes.contains { names($0, in: header) }
        }

        /// Whether `header` names `mediaType`, compared as for a list of them.
        package static func names(_ mediaType: StaticString, in header: String) -> Bool {
            let wanted = UnsafeBufferPointer(start: mediaType.utf8Start, count: mediaType.utf8CodeUnitCount)
            var header = header
            return header.withUTF8 { bytes in
                var start = 0
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                    if matches(wanted, bytes[start..<end]) { return true }
                    start = end + 1
                }
                return false
            }
        }

        /// Whether the list entry `entry` is `wanted`, ignoring its parameters.
        private static func matches(
            _ wanted: UnsafeBufferPointer<UInt8>, _ entry: Slice<UnsafeBufferPointer<UInt8>>
        )
            -> Bool
        {
            var entry = entry
            if let parameters = entry.firstIndex(of: UInt8(ascii: ";")) { entry = entry[..<parameters] }
            while let first = entry.first, first == 0x20 || first == 0x09 { entry = entry.dropFirst() }
            while let last = entry.last, last == 0x20 || last == 0x09 { entry = entry.dropLast() }
            guard entry.count == wanted.count else { return false }
            return zip(entry, wanted).allSatisfy { lowercased($0) == lowercased($1) }
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }
    }
#endif
