import Synchronization

/// Run ids: `<task id>:<32 lowercase hex digits>`, the form Python wove uses. The first 16 digits
/// are random, drawn once per process; the last 16 count the process's runs. Ids are unique
/// within a process, and across processes with the odds of a 64-bit collision, without a system
/// call per run.
package enum RunIdentifier {
    private static let processBits: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }()
    private static let runs = Atomic<UInt64>(0)

    package static func make(taskID: String) -> String {
        let bits = (processBits, runs.add(1, ordering: .relaxed).newValue)
        let prefix = taskID.utf8
        // Written in place, task id and all: one allocation per id.
        return String(unsafeUninitializedCapacity: prefix.count + 33) { buffer in
            var position = buffer.initialize(fromContentsOf: prefix)
            buffer[position] = UInt8(ascii: ":")
            position += 1
            for index in 0..<32 {
                let word = index < 16 ? bits.0 : bits.1
                let digit = UInt8(truncatingIfNeeded: (word >> UInt64(60 - (index % 16) * 4)) & 0xF)
                buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                position += 1
            }
            return position
        }
    }
}
