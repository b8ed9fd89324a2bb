/// The continuous clock's time as a `Duration` since a fixed point early in the process, for the
/// timings taken on every task, attempt and remote run.
///
/// An async function that holds a `ContinuousClock.Instant` across an `await` pays for it on
/// every call: the instant's type is not frozen in the standard library, so its size is looked
/// up in the runtime and its storage allocated from the task, where a `Duration` is a plain value
/// in the frame. Differences of these readings are the same durations the clock gives.
enum MonotonicTime {
    /// The point the readings count from.
    private static let origin = ContinuousClock.now

    /// Now, since ``origin``. Not inlined, so that the instants it reads stay in its own frame.
    static var now: Duration {
        @inline(never) get { ContinuousClock.now - origin }
    }
}
