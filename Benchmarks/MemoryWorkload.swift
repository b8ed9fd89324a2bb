import WoveDSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Peak memory of a 1,000,000-item no-op map, each measured in a fresh child process so that
/// earlier workloads do not raise the peak.
enum MemoryWorkload {
    static let items = 1_000_000
    static let modeVariable = "WOVE_BENCH_MEMORY"

    /// Runs in the child: performs one mode and prints its peak resident set in KiB.
    static func runChild(_ mode: String) async throws {
        switch mode {
        case "wove":
            let result = try await weave {
                Task("noop", over: 0..<items) { (item: Int) async in item }
            }
            try check(result.final(as: [Int].self).count == items)
        default:
            // The floor any implementation pays: the input and the ordered results.
            let input = Array(0..<items)
            let results = input.map { $0 }
            try check(results.count == items)
        }
        print(peakResidentKiB())
    }

    /// Spawns a child per mode and prints both peaks.
    static func report() throws {
        let wove = try measure("wove")
        let floor = try measure("floor")
        print(
            Harness.pad("map_1M_noop peak RSS", Harness.nameWidth)
                + Harness.pad("\(wove / 1024) MiB", Harness.timeWidth, right: true)
                + Harness.pad("\(floor / 1024) MiB", Harness.timeWidth, right: true)
                + Harness.pad(
                    "\(Harness.twoDecimals(Double(wove) / Double(floor)))×", Harness.ratioWidth, right: true)
                + "  the input and result arrays alone")
    }

    /// Runs this executable again in `mode` (through the shell, with `popen`: the benchmarks link
    /// no Foundation, see ``Harness/twoDecimals(_:)``) and returns the peak it prints.
    private static func measure(_ mode: String) throws -> Int {
        let executable = "'" + CommandLine.arguments[0].replacing("'", with: #"'\''"#) + "'"
        guard let child = popen("\(modeVariable)=\(mode) exec \(executable)", "r") else {
            throw BenchmarkCheckFailed()
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while case let count = fread(&buffer, 1, buffer.count, child), count > 0 {
            output += buffer[..<count]
        }
        let status = pclose(child)
        let text = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).last ?? ""
        guard status == 0, let kib = Int(text) else { throw BenchmarkCheckFailed() }
        return kib
    }

    /// `VmHWM` from `/proc/self/status`: this image's peak. (`getrusage`'s `ru_maxrss` would not
    /// do: Linux carries it across `exec`, so a child would report its parent's peak.)
    private static func peakResidentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
}
