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
        let digits = Array("0123456789abcdef".utf8)
        let hex = String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<32 {
                let word = index < 16 ? bits.0 : bits.1
                let shift = UInt64(60 - (index % 16) * 4)
                buffer[index] = digits[Int((word >> shift) & 0xF)]
            }
            return 32
        }
        return taskID + ":" + hex
    }
}
