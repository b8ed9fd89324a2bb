/// Measures workloads and prints them side by side with their hand-written baselines.
enum Harness {
    /// One row: a Wove workload and the hand-written code it is compared with.
    struct Row {
        let name: String
        let unit: String
        let units: Int
        let wove: Duration
        let baseline: Duration?
        let baselineName: String?
    }

    /// Measures `wove` and, if given, `baseline`: one warm-up each, then `repetitions`
    /// alternating runs, keeping each side's best (shortest), so both see the same machine state.
    /// `settle` runs, untimed, before each timed run: waiting for a scheduler to be idle, say.
    static func compare(
        _ name: String,
        unit: String,
        units: Int,
        repetitions: Int,
        wove: () async throws -> Void,
        baseline: (name: String, run: () async throws -> Void)? = nil,
        settle: () async throws -> Void = {}
    ) async throws {
        let clock = ContinuousClock()
        func timed(_ operation: () async throws -> Void) async throws -> Duration {
            try await settle()
            let start = clock.now
            try await operation()
            return clock.now - start
        }
        try await wove()
        try await baseline?.run()
        var woveTime = Duration.seconds(Int64.max)
        var baselineTime: Duration?
        for _ in 0..<repetitions {
            woveTime = min(woveTime, try await timed(wove))
            if let baseline {
                let time = try await timed(baseline.run)
                baselineTime = min(baselineTime ?? time, time)
            }
        }
        print(
            format(
                Row(
                    name: name, unit: unit, units: units, wove: woveTime, baseline: baselineTime,
                    baselineName: baseline?.name)))
    }

    /// Column widths: the longest workload name, a time such as `104136.54 µs/weave`, a ratio.
    static let nameWidth = 42
    static let timeWidth = 20
    static let ratioWidth = 9

    static var header: String {
        pad("workload", nameWidth) + pad("wove", timeWidth, right: true)
            + pad("hand-written", timeWidth, right: true)
            + pad("ratio", ratioWidth, right: true) + "  baseline"
    }

    private static func format(_ row: Row) -> String {
        let wove = microseconds(row.wove) / Double(row.units)
        var line =
            pad(row.name, nameWidth)
            + pad("\(twoDecimals(wove)) µs/\(row.unit)", timeWidth, right: true)
        if let baseline = row.baseline, let baselineName = row.baselineName {
            let hand = microseconds(baseline) / Double(row.units)
            line += pad("\(twoDecimals(hand)) µs/\(row.unit)", timeWidth, right: true)
            line += pad("\(twoDecimals(wove / hand))×", ratioWidth, right: true) + "  " + baselineName
        } else {
            line += pad("—", timeWidth, right: true) + pad("—", ratioWidth, right: true)
        }
        return line
    }

    /// `value` with two decimals, as `%.2f` writes it (the benchmarks link no Foundation, so that
    /// the stdio workers they start are as lean as a user's).
    static func twoDecimals(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
        let hundredths = Int((abs(value) * 100).rounded())
        let fraction = hundredths % 100
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }

    /// `text` padded to `width` characters, on the left when `right` aligns it right.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard text.count < width else { return text + " " }
        let padding = String(repeating: " ", count: width - text.count)
        return right ? padding + text : text + padding
    }
}
