import Foundation
import WoveDSL

@testable import WoveRuntime

/// An in-process executor that records every frame it is sent, as JSON, and hands commands to a
/// `WoveWorker` whose events come back through `recv()`. `failAfterStart` makes `recv()` throw,
/// as a dead worker would.
final class LoopbackExecutor: EnvironmentExecutor {
    struct Started: Sendable, Equatable {
        let environmentName: String
        let environmentConfig: [String: JSONValue]
        var runConfig = RunConfig()
    }

    private let worker: WoveWorker
    private let failRecv: Bool
    private let sent = LockedValue<[String]>([])
    private let starts = LockedValue<[Started]>([])
    private let connection = LockedValue<Connection?>(nil)

    private struct Connection: Sendable {
        let commands: AsyncThrowingStream<WoveFrame, any Error>.Continuation
        let events: FrameInbox
        let serving: Task<Void, Never>
    }

    init(worker: WoveWorker, failRecv: Bool = false) {
        self.worker = worker
        self.failRecv = failRecv
    }

    /// Every frame sent to the executor, as sorted-key JSON.
    var sentJSON: [String] { sent.withLock { $0 } }
    var startCalls: [Started] { starts.withLock { $0 } }

    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws
    {
        starts.withLock {
            $0.append(
                Started(
                    environmentName: environmentName, environmentConfig: environmentConfig,
                    runConfig: runConfig))
        }
        let (commands, commandSink) = AsyncThrowingStream<WoveFrame, any Error>.makeStream()
        let events = FrameInbox()
        let worker = self.worker
        let serving = Task { await worker.serve(commands) { events.push($0) } }
        connection.withLock { $0 = Connection(commands: commandSink, events: events, serving: serving) }
    }

    func send(_ frame: WoveFrame) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(frame), as: UTF8.self)
        sent.withLock { $0.append(json) }
        connection.withLock { $0 }?.commands.yield(frame)
    }

    func recv() async throws -> WoveFrame {
        guard let connection = connection.withLock({ $0 }) else { throw LoopbackError.notStarted }
        if failRecv {
            try await Task.sleep(for: .milliseconds(30))
            throw LoopbackError.workerDied
        }
        return try await connection.events.next()
    }

    func stop() async throws {
        guard
            let connection = connection.withLock({ state in
                defer { state = nil }; return state
            })
        else { return }
        connection.commands.finish()
        await connection.serving.value
        connection.events.fail(LoopbackError.closed)
    }
}

enum LoopbackError: Error, Equatable {
    case notStarted, workerDied, closed
}
