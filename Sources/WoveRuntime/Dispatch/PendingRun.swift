/// One run sent to an environment and not yet resolved: its outcome, its delivery settings,
/// when the worker last showed signs of life, and why it is being cancelled, if it is.
final class PendingRun: Sendable {
    let runID: String
    let taskID: String
    let settings: DeliverySettings
    /// The attempt that sent the run, when its weave is observed.
    let observed: ObservedAttempt?
    /// When `run_task` was sent, on the run's clock.
    let sentAt: Duration
    let outcome = OneShotResult<JSONValue>()
    /// Settled once `run_task` was handed to the executor (or failed to be), so a `cancel_task`
    /// never overtakes it.
    let sent = OneShotResult<Void>()
    private let state: LockedValue<State>

    private struct State {
        /// When the run was sent or the worker last sent `task_started`/`heartbeat`, on the run's clock.
        var lastSign: Duration
        /// The error to report once a `require_ack` cancellation is acknowledged.
        var cancelledWith: (any Error)?
        /// Whether the executor failed to carry the run (not the worker saying it failed).
        var failedInTransport = false
        /// What the observers were told, so a late or repeated frame tells them nothing more.
        var toldStarted = false
        var toldFinished = false
        var lastHeartbeatTold: Duration?
    }

    /// The least time between two heartbeat events of one run, however often the worker beats.
    static let heartbeatEventInterval: Duration = .seconds(1)

    init(runID: String, taskID: String, settings: DeliverySettings, now: Duration, observed: ObservedAttempt?)
    {
        self.runID = runID
        self.taskID = taskID
        self.settings = settings
        self.observed = observed
        sentAt = now
        state = LockedValue(State(lastSign: now))
    }

    var cancelMode: Delivery.CancelMode { settings.cancelMode ?? .bestEffort }
    var orphanPolicy: Delivery.OrphanPolicy { settings.orphanPolicy ?? .cancel }

    /// When the worker last showed signs of life.
    var lastSign: Duration { state.withLock { $0.lastSign } }

    /// Records a `task_started` or `heartbeat` frame, and tells the observers: a start once, a
    /// heartbeat at most every ``heartbeatEventInterval``, neither once the run is over.
    func markAlive(at now: Duration, started: Bool) {
        state.withLock { state in
            state.lastSign = now
            guard let observed, !state.toldFinished else { return }
            if started {
                guard !state.toldStarted else { return }
                state.toldStarted = true
                observed.emit(.remoteRunStarted, runID: runID)
            } else {
                let now = MonotonicTime.now
                if let last = state.lastHeartbeatTold, now - last < Self.heartbeatEventInterval { return }
                state.lastHeartbeatTold = now
                observed.emit(.remoteHeartbeat, runID: runID)
            }
        }
    }

    /// Fails the run because the executor could not carry it, with `error`.
    func failInTransport(_ error: any Error) {
        state.withLock { $0.failedInTransport = true }
        if !outcome.resolve(.failure(error)) { state.withLock { $0.failedInTransport = false } }
    }

    /// Tells the observers the run ended with `error` after `duration`, once: as a transport
    /// error if the executor failed to carry it (not if the worker said so), else as finished.
    func reportFinished(error: (any Error)?, duration: Duration) {
        guard let observed else { return }
        state.withLock { state in
            guard !state.toldFinished else { return }
            state.toldFinished = true
            observed.emit(
                state.failedInTransport && error != nil ? .transportError : .remoteRunFinished, runID: runID,
                error: error, duration: duration)
        }
    }

    /// Whether a cancellation is under way; records `error` as the run's outcome-to-be if it is the first.
    func beginCancelling(with error: any Error) -> Bool {
        state.withLock { state in
            guard state.cancelledWith == nil else { return false }
            state.cancelledWith = error
            return true
        }
    }

    /// The error a `task_cancelled` frame resolves the run with, if the run was cancelled on
    /// purpose.
    var cancellationOutcome: (any Error)? { state.withLock { $0.cancelledWith } }

    /// The `cancel_task` frame for this run.
    var cancelFrame: WoveFrame {
        .cancelTask(runID: runID, taskID: taskID, cancelMode: cancelMode, orphanPolicy: orphanPolicy)
    }

    /// The `delivery` object of this run's `run_task` frame.
    func delivery(idempotencyKey: String?) -> Delivery {
        Delivery(
            timeoutSeconds: settings.timeout.map(\.seconds), idempotencyKey: idempotencyKey,
            cancelMode: cancelMode, heartbeatSeconds: settings.heartbeat.map(\.seconds),
            orphanPolicy: orphanPolicy)
    }
}

extension Duration {
    /// The duration in seconds, as the frames carry it.
    package var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
