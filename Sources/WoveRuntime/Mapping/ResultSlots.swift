/// A preallocated buffer of per-item results, written concurrently at distinct indices.
///
/// Safe to share across threads because every index is written by exactly one
/// item run, and the buffer is read (``collect()``) only after every item run
/// has finished: the task group or continuation that reports each item's end
/// orders its write before the read.
package final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>

    package init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    package var count: Int { slots.count }

    /// Stores the result of item `index`.
    package func store(_ value: Output, at index: Int) { slots[index] = value }

    /// Every result in item order; throws if an item has none (an item that never ran).
    package func collect() throws(WeaveError) -> [Output] {
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
