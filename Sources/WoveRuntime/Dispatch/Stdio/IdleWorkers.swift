/// Worker processes kept between weave runs of `stdio` environments with a `keep_alive`, so that
/// the environment's next run uses them instead of starting its own.
///
/// A run's executor hands back, when it stops, each process that is still usable and has no run
/// of it left in flight. The process then waits here, its events going nowhere (no run is in
/// flight on it), until a run of the same environment with the same process settings takes it,
/// or it has been idle for `keep_alive` and is stopped, or its output ends and it is dropped.
/// An environment keeps as many as its runs used at once, each until it has been idle that long.
/// Processes still kept when this process exits see their stdin close, and exit too.
final class IdleWorkers: Sendable {
    /// The pool every `stdio` executor of this process uses.
    static let shared = IdleWorkers()

    /// Which runs may use a kept process: those of the same environment, with the same command
    /// and write timeout.
    struct Key: Hashable, Sendable {
        let environment: String
        let command: [String]
        let writeTimeout: Duration
    }

    private struct Kept: Sendable {
        let worker: WorkerProcess
        let token: UInt64
        /// Stops the worker once its idle time is up; cancelled when a run takes it.
        let expiry: Task<Void, Never>
    }

    private struct State: Sendable {
        var kept: [Key: [Kept]] = [:]
        var lastToken: UInt64 = 0
    }

    private let state = LockedValue(State())

    /// Up to `count` kept processes for `key` that are still usable, no longer kept: the ones
    /// kept last first. One that is not usable stays until its output ends and it is dropped.
    func take(_ key: Key, count: Int) -> [WorkerProcess] {
        let taken = state.withLock { state in
            var kept: [Kept] = []
            var taken: [Kept] = []
            for entry in (state.kept[key] ?? []).reversed() {
                if taken.count < count, entry.worker.isUsable {
                    taken.append(entry)
                } else {
                    kept.insert(entry, at: 0)
                }
            }
            state.kept[key] = kept.isEmpty ? nil : kept
            return taken
        }
        return taken.map { kept in
            kept.expiry.cancel()
            return kept.worker
        }
    }

    /// Keeps `worker`, which has no run in flight, for runs of `key` until it has been idle for
    /// `idleTime`; then stops it with `shutdownLine`.
    func keep(_ worker: WorkerProcess, for key: Key, idleTime: Duration, shutdownLine: [UInt8]?) {
        let token = state.withLock { state in
            state.lastToken += 1
            return state.lastToken
        }
        // Before anyone can take it, so that its events never reach the run that handed it back.
        worker.listen { [weak self] worker, event in
            if case .end = event { self?.drop(worker, key, token, shutdownLine: shutdownLine) }
        }
        guard worker.isUsable else {
            worker.stopInBackground(shutdownLine: nil)
            return
        }
        // Detached: the idle time must not hold the task-locals of the run that handed it back.
        let expiry = Task.detached { [weak self] in
            guard (try? await Task.sleep(for: idleTime)) != nil else { return }
            self?.drop(worker, key, token, shutdownLine: shutdownLine)
        }
        state.withLock { state in
            state.kept[key, default: []].append(Kept(worker: worker, token: token, expiry: expiry))
        }
        // Its output may have ended between `listen` and the append, when `drop` found nothing.
        if !worker.isUsable { drop(worker, key, token, shutdownLine: nil) }
    }

    /// Stops `worker` if it is still the one kept under `token`.
    private func drop(_ worker: WorkerProcess, _ key: Key, _ token: UInt64, shutdownLine: [UInt8]?) {
        let dropped = state.withLock { state -> Kept? in
            guard let index = state.kept[key]?.firstIndex(where: { $0.token == token }) else { return nil }
            defer { if state.kept[key]?.isEmpty == true { state.kept[key] = nil } }
            return state.kept[key]?.remove(at: index)
        }
        guard let dropped else { return }
        dropped.expiry.cancel()
        worker.stopInBackground(shutdownLine: shutdownLine)
    }
}
