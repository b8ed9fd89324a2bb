/// A preallocated buffer of per-item results, written concurrently at distinct indices by the
/// jobs of a ``BlockingItemDrain``.
///
/// Safe to share across threads because:
/// - every index is written at most once, by the one drain job that took that index from the
///   drain's atomic cursor; drain attempts run inline on that job's thread and are never
///   abandoned (the drain is used only without timeouts), so no stale attempt writes later;
/// - the buffer is read (``collect()``) only after every drain job has returned, which the
///   drain learns under a lock that each job takes after its last write, ordering every write
///   before the read.
final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Stores the result of item `index`.
    func store(_ value: Output, at index: Int) { slots[index] = value }

    /// Every result in item order; throws if an item has none (an item that never ran).
    func collect() throws(WeaveError) -> [Output] {
        var results: [Output] = []
        results.reserveCapacity(slots.count)
        for (index, slot) in slots.enumerated() {
            guard let value = slot else {
                throw WeaveError(.unfinishedItem, "Item \(index) of a mapped task produced no result.")
            }
            results.append(value)
        }
        return results
    }
}
