import Foundation
import WoveDSL

@testable import WoveRuntime

/// Drives a real ``StdioExecutor`` directly, without a weave around it.
enum StdioHarness {
    /// A started stdio executor running `command` (the test worker by default) in `workers` processes.
    static func startedExecutor(workers: Int = 1, command: JSONValue? = nil) async throws -> StdioExecutor {
        let executor = StdioExecutor()
        try await executor.start(
            environmentName: "remote",
            environmentConfig: [
                "command": command ?? [.string(TestWorkerProcess.path)], "workers": .integer(workers),
            ],
            runConfig: RunConfig())
        return executor
    }

    /// Frames from `executor` until `count` of them satisfy `condition`; fails after `limit`.
    static func receive(
        from executor: StdioExecutor,
        until count: Int,
        within limit: Duration = .seconds(20),
        where condition: @escaping @Sendable (WoveFrame) -> Bool
    ) async throws -> [WoveFrame] {
        try await withThrowingTaskGroup(of: [WoveFrame].self) { group in
            group.addTask {
                var frames: [WoveFrame] = []
                var matched = 0
                while matched < count {
                    let frame = try await executor.recv()
                    frames.append(frame)
                    if condition(frame) { matched += 1 }
                }
                return frames
            }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ReceiveTimeout(limit: limit)
            }
            defer { group.cancelAll() }
            return try await group.next() ?? []
        }
    }
}

struct ReceiveTimeout: Error {
    let limit: Duration
}
