package import WoveRuntime

/// A value that counts its live instances in `live`, so a test sees values released when they
/// should be, and moved rather than copied or lost.
package final class CountedInstance: Sendable {
    /// What the instance was made with: an item's index, say.
    package let value: Int
    private let live: LockedValue<Int>

    /// An instance holding `value`, counted in `live` until it is released.
    package init(_ value: Int, _ live: LockedValue<Int>) {
        self.value = value
        self.live = live
        live.withLock { $0 += 1 }
    }

    deinit { live.withLock { $0 -= 1 } }
}
