import Foundation
import Testing

@testable import WoveRuntime

@Suite("Detached processes")
struct DetachedProcessTests {
    /// The state letter of `/proc/<pid>/stat` (`Z` for a zombie), or `nil` if there is no such process.
    private static func state(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
    }

    @Test("an exited child is reported while its pid is still its own zombie, then reaped")
    func exitSeenBeforeReaping() async throws {
        let pid = try DetachedProcess.spawn("/bin/sh", environment: [:])
        let seen = LockedValue<String?>(nil)
        let status = await DetachedProcess.exitStatus(of: pid) {
            seen.withLock { $0 = Self.state(of: pid) }
        }
        #expect(seen.withLock { $0 } == "Z", "the pid could not have been reused yet")
        #expect(status.map(DetachedProcess.describe) == "exited with code 0")
        #expect(Self.state(of: pid) == nil, "reaped afterwards")
    }
}
