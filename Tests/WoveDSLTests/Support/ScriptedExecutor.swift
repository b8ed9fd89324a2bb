import Foundation
import WoveDSL

@testable import WoveRuntime

/// An in-process executor the test plays the worker for: it records every command frame and
/// answers only with the events the test emits, so a test can make a worker hang, go silent,
/// heartbeat or acknowledge exactly when it wants.
final class ScriptedExecutor: EnvironmentExecutor {
    private let events = FrameInbox()
    private let sent = LockedValue<[WoveFrame]>([])

    /// Every command frame sent so far.
    var frames: [WoveFrame] { sent.withLock { $0 } }

    /// The `run_task` frames sent so far.
    var runs: [(runID: String, taskID: String, delivery: Delivery)] {
        frames.compactMap { frame in
            if case .runTask(let runID, let taskID, _, _, let delivery, _) = frame {
                return (runID, taskID, delivery)
            }
            return nil
        }
    }

    /// The `cancel_task` frames sent so far.
    var cancels: [(runID: String, cancelMode: Delivery.CancelMode, orphanPolicy: Delivery.OrphanPolicy)] {
        frames.compactMap { frame in
            if case .cancelTask(let runID, _, let mode, let policy) = frame { return (runID, mode, policy) }
            return nil
        }
    }

    /// Sends `frame` to the runtime as if the worker had.
    func emit(_ frame: WoveFrame) { events.push(frame) }

    /// Waits (in real time, politely) until `count` `run_task` frames were sent.
    func waitForRuns(_ count: Int) async throws {
        while runs.count < count { try await Task.sleep(for: .milliseconds(1)) }
    }

    /// Waits (in real time, politely) until `count` `cancel_task` frames were sent.
    func waitForCancels(_ count: Int) async throws {
        while cancels.count < count { try await Task.sleep(for: .milliseconds(1)) }
    }

    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws
    {}

    func send(_ frame: WoveFrame) async throws { sent.withLock { $0.append(frame) } }

    func recv() async throws -> WoveFrame {
        try await events.next()
    }

    func stop() async throws { events.fail(LoopbackError.closed) }
}
