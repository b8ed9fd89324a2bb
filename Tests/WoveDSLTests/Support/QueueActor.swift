import Dispatch

/// A global actor whose jobs all run on one serial queue, so code can tell whether it runs on
/// this actor (``isCurrent``). The main actor cannot stand in: in this test runner on Linux its
/// jobs do not run on the main thread, so `Thread.isMainThread` says nothing about them.
@globalActor
actor QueueActor {
    static let shared = QueueActor()

    private static let executor = QueueExecutor()

    nonisolated var unownedExecutor: UnownedSerialExecutor { Self.executor.asUnownedSerialExecutor() }

    /// Whether the calling code runs on this actor.
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: QueueExecutor.marker) != nil }
}

/// Runs every job it is given on its serial queue, which is marked so ``QueueActor/isCurrent``
/// can recognize it.
private final class QueueExecutor: SerialExecutor {
    static let marker = DispatchSpecificKey<Bool>()

    private let queue = DispatchQueue(label: "wove.tests.queue-actor")

    init() { queue.setSpecific(key: Self.marker, value: true) }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
