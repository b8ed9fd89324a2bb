/// The lane whose job the current pool thread is running, so a body that blocks waiting for
/// other Wove work can lend its slot (``BlockingPool/lendingSlot(while:)``).
enum CurrentLane {
    private static let slot = ThreadLocalReference<BlockingLane>()

    /// The lane of the job running on this thread, if it is a pool thread running one.
    static var lane: BlockingLane? { slot.current }

    /// Runs `body` with `lane` recorded for this thread.
    static func run(_ lane: BlockingLane, _ body: () -> Void) { slot.with(lane, body) }
}
