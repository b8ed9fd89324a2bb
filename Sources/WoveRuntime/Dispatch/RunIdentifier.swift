/// Run ids: `<task id>:<32 lowercase hex digits>`, the form Python wove uses, from 128 random bits.
enum RunIdentifier {
    static func make(taskID: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = (generator.next() as UInt64, generator.next() as UInt64)
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
