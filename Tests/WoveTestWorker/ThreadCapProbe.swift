import Foundation
import WoveDSL
import WoveRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `--thread-cap N [nested]`: runs 20 weaves at once under a blocking-thread cap of N, while a
/// sampler counts this process's `wove.blocking` threads, and prints
/// `most=<threads> finished=<weaves>`.
///
/// Each weave has 12 blocking tasks. With `nested`, one of them waits on a synchronous `merge` of
/// more blocking work, lending its slot, so a cap smaller than the weaves' width must still not
/// deadlock; each such waiting body keeps its thread, above the cap.
enum ThreadCapProbe {
    static func run(cap: Int, nested: Bool) async throws {
        try Wove.config(maxBlockingThreads: cap)
        let sampler = Sampler()
        sampler.start()
        let finished = try await withThrowingTaskGroup(of: Int.self) { group in
            for weaveIndex in 0..<20 {
                group.addTask {
                    let result = try await weave {
                        for task in 0..<11 {
                            Task("sleep_\(task)") { () -> Int in
                                usleep(20_000)
                                return task
                            }
                        }
                        Task("merging") { () throws -> [Int] in
                            guard nested else { return [] }
                            return try merge(
                                { (item: Int) -> Int in
                                    usleep(5_000)
                                    return item
                                }, over: [1, 2, 3])
                        }
                    }
                    _ = try result.value("merging", as: [Int].self)
                    return weaveIndex
                }
            }
            return try await group.reduce(0) { count, _ in count + 1 }
        }
        print("most=\(sampler.stop()) finished=\(finished)")
    }

    /// Counts the process's `wove.blocking` threads every millisecond on a thread of its own.
    final class Sampler: Sendable {
        private let state = LockedValue((running: true, most: 0))

        func start() {
            Thread.detachNewThread { [self] in
                while state.withLock({ $0.running }) {
                    let count = Self.blockingThreads()
                    state.withLock { $0.most = max($0.most, count) }
                    usleep(1_000)
                }
            }
        }

        /// Stops sampling and returns the most threads seen.
        func stop() -> Int {
            state.withLock {
                $0.running = false
                return $0.most
            }
        }

        static func blockingThreads() -> Int {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
            return tasks.count { task in
                let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
                return name?.hasPrefix("wove.blocking") == true
            }
        }
    }
}
