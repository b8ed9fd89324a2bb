import Foundation
import Synchronization

/// One started executor for one weave run: sends `run_task` frames and routes the events its
/// receive loop reads back to the runs waiting for them, by `run_id`.
///
/// If the executor's `recv()` fails (a dead worker, a broken connection), every pending run and
/// every later one fails with a transport error naming the environment: nothing waits forever.
final class EnvironmentChannel: Sendable {
    let name: String
    private let executor: any EnvironmentExecutor
    private let state = Mutex(State())
    private let receiver = Mutex<Task<Void, Never>?>(nil)

    private struct State {
        var pending: [String: OneShotResult<JSONValue>] = [:]
        var failure: (any Error)?
    }

    private init(name: String, executor: any EnvironmentExecutor) {
        self.name = name
        self.executor = executor
    }

    /// Starts `executor` for this run and its receive loop.
    static func start(
        name: String,
        executor: any EnvironmentExecutor,
        config: [String: JSONValue],
        runConfig: RunConfig
    ) async throws -> EnvironmentChannel {
        try await executor.start(environmentName: name, environmentConfig: config, runConfig: runConfig)
        let channel = EnvironmentChannel(name: name, executor: executor)
        channel.receiver.withLock { $0 = Task { await channel.receive() } }
        return channel
    }

    /// Sends one run and waits for its outcome; cancelling the caller sends `cancel_task`.
    func run(taskID: String, weave: String?, args: [String: JSONValue], delivery: Delivery) async throws
        -> JSONValue
    {
        let runID = "\(taskID):\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let outcome = OneShotResult<JSONValue>()
        if let failure = state.withLock({ state -> (any Error)? in
            if state.failure == nil { state.pending[runID] = outcome }
            return state.failure
        }) {
            throw failure
        }
        defer { _ = state.withLock { $0.pending.removeValue(forKey: runID) } }
        do {
            try await executor.send(
                .runTask(runID: runID, taskID: taskID, weave: weave, args: args, delivery: delivery))
        } catch {
            throw transportError(error, task: taskID)
        }
        return try await withTaskCancellationHandler {
            try await outcome.value
        } onCancel: {
            outcome.resolve(.failure(CancellationError()))
            let executor = self.executor
            let cancel = WoveFrame.cancelTask(
                runID: runID, taskID: taskID, cancelMode: delivery.cancelMode ?? .bestEffort,
                orphanPolicy: delivery.orphanPolicy ?? .cancel)
            Task { try? await executor.send(cancel) }
        }
    }

    /// Ends the receive loop and stops the executor.
    func stop() async {
        let loop = receiver.withLock { $0 }
        loop?.cancel()
        try? await executor.stop()
        await loop?.value
    }

    private func receive() async {
        do {
            while !Task.isCancelled {
                route(try await executor.recv())
            }
        } catch {
            if Task.isCancelled { return }
            failEverything(with: error)
        }
    }

    private func route(_ frame: WoveFrame) {
        guard let runID = frame.runID, let outcome = state.withLock({ $0.pending[runID] }) else { return }
        switch frame {
        case .taskResult(_, _, let result): outcome.resolve(.success(result))
        case .taskError(_, let taskID, let error):
            outcome.resolve(
                .failure(EnvironmentExecutionError(payload: error, taskName: taskID, environment: name)))
        case .taskCancelled: outcome.resolve(.failure(CancellationError()))
        default: break
        }
    }

    private func failEverything(with error: any Error) {
        let pending = state.withLock { state -> [String: OneShotResult<JSONValue>] in
            state.failure = transportError(error, task: nil)
            return state.pending
        }
        for (runID, outcome) in pending {
            let task = String(runID.prefix { $0 != ":" })
            outcome.resolve(.failure(transportError(error, task: task)))
        }
    }

    private func transportError(_ error: any Error, task: String?) -> EnvironmentExecutionError {
        EnvironmentExecutionError(
            payload: RemoteError(
                kind: String(reflecting: type(of: error)),
                message: "The executor of environment '\(name)' failed: \(error)", source: .transport),
            taskName: task ?? "?", environment: name)
    }
}
