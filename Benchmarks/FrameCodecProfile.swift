import WoveRuntime

/// `WOVE_BENCH_PROFILE=frames`: the frames of one tiny remote run written and read again, as a
/// `stdio` executor and its worker do for each item (`run_task` one way, `task_started` and
/// `task_result` back), in a loop for a profiler: the frame codec's cost with nothing else in it.
enum FrameCodecProfile {
    static func run(rounds: Int) throws {
        let delivery = Delivery(cancelMode: .bestEffort, orphanPolicy: .cancel)
        var checksum = 0
        for round in 0..<rounds {
            let runID = "tiny:b2a89e2b55372e1e\(String(round, radix: 16))"
            let frames: [WoveFrame] = [
                .runTask(
                    runID: runID, taskID: "tiny", weave: nil, args: ["item": .integer(round)],
                    delivery: delivery,
                    trace: nil),
                .taskStarted(runID: runID, taskID: "tiny"),
                .taskResult(runID: runID, taskID: "tiny", result: .integer(round + 1)),
            ]
            for frame in frames {
                let line = try FrameLine.encode(frame)
                let read = try FrameLine.decode(line)
                // Compared once: the comparison is no part of the codec's cost.
                if round == 0, read != frame { throw ProfileMismatch() }
                checksum &+= line.count
            }
        }
        print("frames: \(rounds) rounds, \(checksum) bytes")
    }

    /// A frame that did not read back as written.
    struct ProfileMismatch: Error {}
}
