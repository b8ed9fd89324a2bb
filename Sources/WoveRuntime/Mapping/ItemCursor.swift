import Synchronization

/// The items of one mapped task as the tasks or jobs that run them share them: which is next,
/// their results, and how many have finished.
final class ItemCursor<Output: Sendable>: Sendable {
    let slots: ResultSlots<Output>
    private let count: Int
    private let cursor = Atomic<Int>(0)
    private let finishedCount = Atomic<Int>(0)

    init(count: Int) {
        self.count = count
        slots = ResultSlots(count: count)
    }

    /// The next item to run, `nil` once every item has been taken.
    func next() -> Int? {
        let index = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    /// Counts an item as finished and returns the new count. Observers are told outside any
    /// lock, so two items finishing at once may report their counts in either order.
    func finished() -> Int { finishedCount.wrappingAdd(1, ordering: .relaxed).newValue }
}
