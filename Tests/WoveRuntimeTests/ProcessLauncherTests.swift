import Foundation
import Testing

@testable import WoveRuntime

/// Worker processes start on one thread of the launcher's own, never on the cooperative pool.
@Suite("Process launcher")
struct ProcessLauncherTests {
    @Test("launches run on one long-lived thread of the launcher's own, not a cooperative one")
    func oneThreadInOrder() async throws {
        #if os(Linux)
            @Sendable func threadName() -> String {
                let text = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                return text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let ran = LockedValue(0)
            let names = await withTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        await ProcessLauncher.shared.run {
                            ran.withLock { $0 += 1 }
                            return threadName()
                        }
                    }
                }
                var names: [String] = []
                for await name in group { names.append(name) }
                return names
            }
            #expect(Set(names) == ["wove.launcher"], "\(names)")
            #expect(ran.withLock { $0 } == 8)
            let first = await ProcessLauncher.shared.run { pthread_self() }
            let second = await ProcessLauncher.shared.run { pthread_self() }
            #expect(first == second, "every launch runs on the same thread")
        #endif
    }
}
