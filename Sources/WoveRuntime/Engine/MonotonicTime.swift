#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The continuous clock's time as a `Duration` since a fixed point early in the process, for the
/// timings taken on every task, attempt and remote run.
///
/// An async function that holds a `ContinuousClock.Instant` across an `await` pays for it on
/// every call: the instant's type is not frozen in the standard library, so its size is looked
/// up in the runtime and its storage allocated from the task, where a `Duration` is a plain value
/// in the frame. Differences of these readings are the same durations the clock gives.
///
/// The clock is read directly, as the standard library reads it for `ContinuousClock` (boot time
/// on Linux, the raw monotonic clock on Darwin), in whole nanoseconds: `ContinuousClock.now`
/// goes through the runtime and builds its instant with 128-bit arithmetic, about three times
/// the instructions, and a weave reads the clock twice per task.
enum MonotonicTime {
    /// The point the readings count from, in nanoseconds of the clock.
    private static let origin = nanoseconds()

    /// Now, since ``origin``. Not inlined, so that the reading stays in its own frame.
    static var now: Duration {
        @inline(never) get { .nanoseconds(nanoseconds() &- origin) }
    }

    /// The clock's reading in nanoseconds: at most 2^63 of them, 292 years of uptime.
    private static func nanoseconds() -> Int64 {
        #if canImport(Darwin)
            return Int64(truncatingIfNeeded: clock_gettime_nsec_np(CLOCK_MONOTONIC_RAW))
        #else
            var time = timespec()
            clock_gettime(CLOCK_BOOTTIME, &time)
            return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
        #endif
    }
}
