/// What a ``ProgressRenderer`` knows of the weaves it observes: their running tasks and mapped
/// items, built from their events.
struct ProgressBoard {
    typealias Instant = ContinuousClock.Instant

    /// A task that is running.
    struct RunningTask {
        let name: String
        let environment: String?
        let startedAt: Instant
        /// The order it started in, to list tasks the same way on every frame.
        let order: Int
        var attempt = 1
        var itemCount: Int?
        var itemsFinished = 0
        var mappingStartedAt: Instant?
        /// What its remote run is doing: `sent`, `running`.
        var remote: String?
    }

    /// One weave, from its start to its finish.
    struct Weave {
        let id: UInt64
        let name: String
        let taskCount: Int
        let startedAt: Instant
        var running: [String: RunningTask] = [:]
        var succeeded = 0
        var failed = 0
        var cancelled = 0
        /// When it finished, and its first error.
        var finished: (at: Instant, error: (any Error)?)?

        var settled: Int { succeeded + failed + cancelled }

        /// Its running tasks in the order they started.
        var runningInOrder: [RunningTask] { running.values.sorted { $0.order < $1.order } }
    }

    /// Weaves not yet reported finished, in the order they started.
    private(set) var weaves: [Weave] = []
    private var starts = 0

    /// Whether the weave `id` is on the board: started and not yet taken finished.
    func contains(_ id: UInt64) -> Bool { weaves.contains { $0.id == id } }

    /// Whether every weave seen has finished.
    var isIdle: Bool { weaves.allSatisfy { $0.finished != nil } }

    mutating func apply(_ event: WeaveEvent, at now: Instant) {
        if event.kind == .weaveStarted {
            weaves.append(
                Weave(id: event.weaveID, name: event.weave, taskCount: event.taskCount ?? 0, startedAt: now))
            return
        }
        guard let index = weaves.firstIndex(where: { $0.id == event.weaveID }) else { return }
        starts += event.kind == .taskStarted ? 1 : 0
        Self.update(&weaves[index], with: event, order: starts, at: now)
    }

    /// Removes the finished weaves and returns them, for a last report each.
    mutating func takeFinished() -> [Weave] {
        let finished = weaves.filter { $0.finished != nil }
        weaves.removeAll { $0.finished != nil }
        return finished
    }

    /// Applies `event` to `weave`; `order` numbers a task that starts.
    private static func update(_ weave: inout Weave, with event: WeaveEvent, order: Int, at now: Instant) {
        let task = event.task ?? ""
        switch event.kind {
        case .taskStarted:
            weave.running[task] = RunningTask(
                name: task, environment: event.environment, startedAt: now, order: order)
        case .attemptStarted where event.item == nil:
            weave.running[task]?.attempt = event.attempt ?? 1
        case .mappingStarted:
            weave.running[task]?.itemCount = event.itemCount
            weave.running[task]?.mappingStartedAt = now
        case .itemFinished:
            // Items finishing at once may report their counts out of order: keep the highest.
            if let finished = event.itemsFinished, let running = weave.running[task] {
                weave.running[task]?.itemsFinished = max(running.itemsFinished, finished)
            }
        case .remoteRunSent where event.item == nil:
            weave.running[task]?.remote = "sent"
        case .remoteRunStarted where event.item == nil:
            weave.running[task]?.remote = "running"
        case .taskFinished:
            weave.running[task] = nil
            weave.succeeded += 1
        case .taskFailed:
            weave.running[task] = nil
            weave.failed += 1
        case .taskCancelled:
            weave.running[task] = nil
            weave.cancelled += 1
        case .weaveFinished:
            weave.running = [:]
            weave.finished = (now, event.error)
        default:
            break
        }
    }
}
