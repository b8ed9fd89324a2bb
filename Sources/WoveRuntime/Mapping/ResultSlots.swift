/// A preallocated buffer of per-item results, filled by item index as results arrive and moved,
/// not copied, into the mapped task's array once every item has one: a mapped task's results
/// take one value per item while they arrive, plus a byte per item saying which are in. The
/// bytes go before the array is made, and a large buffer returns its pages as the results move
/// out (``ResultBuffer``), so the results are resident about once, not twice, at the end.
///
/// The children of a ``MapRunner`` and the jobs of a ``BlockingItemDrain`` fill it concurrently,
/// which is safe because:
/// - every index is written at most once, by the one child or job that took that index from an
///   atomic cursor, after the item's winning attempt has returned: an attempt abandoned by a
///   timeout never writes (drain attempts are never abandoned at all, the drain being used only
///   without timeouts); each write touches only its own value and its own flag byte;
/// - the buffer is emptied (``results(after:)``) only after every writer has returned:
///   a ``MapRunner`` empties it after its task group has awaited every child, and a drain learns
///   that its jobs are done under a lock that each job takes after its last write, ordering
///   every write before the read;
/// - emptying and `deinit` take `emptied`'s lock, so a `deinit` on another thread (a drain's
///   job may hold the last reference) sees the buffer as it was left.
///
/// The map that owns the buffer empties it on every path, so the results are released (or
/// handed over) before the mapped task ends, not whenever the last thread lets go of it.
final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    /// The values' memory; `store` writes into it, and it stays put until every writer has
    /// returned.
    private let buffer: ResultBuffer<Output>
    private let filled: UnsafeMutablePointer<Bool>
    private let count: Int
    /// Set once the values have moved out into the collected array, or have been released, and
    /// the memory with them.
    private let emptied = LockedValue(false)

    init(count: Int) {
        self.count = count
        buffer = ResultBuffer(count: count)
        filled = .allocate(capacity: count)
        filled.initialize(repeating: false, count: count)
    }

    deinit { release() }

    /// Stores the result of item `index`, which has none yet.
    func store(_ value: Output, at index: Int) {
        (buffer.values + index).initialize(to: value)
        filled[index] = true
    }

    /// Empties the buffer once the map has ended, after the last `store`: throws `failure` if the
    /// map failed, having released the results stored so far; else returns every result in item
    /// order, moved out of the buffer, or throws if an item has none (an item that never ran),
    /// having released the others. Call once.
    func results(after failure: (any Error)?) throws -> [Output] {
        if let failure {
            release()
            throw failure
        }
        if let missing = (0..<count).first(where: { !filled[$0] }) {
            release()
            throw WeaveError(.unfinishedItem, "Item \(missing) of a mapped task produced no result.")
        }
        return emptied.withLock { emptied in
            emptied = true
            filled.deallocate()
            return [Output](unsafeUninitializedCapacity: count) { destination, initialized in
                if let base = destination.baseAddress {
                    buffer.moveAll(into: base)
                } else {
                    buffer.deallocate()
                }
                initialized = count
            }
        }
    }

    /// Releases the results stored so far and the memory, unless already emptied.
    private func release() {
        emptied.withLock { emptied in
            if emptied { return }
            emptied = true
            for index in 0..<count where filled[index] { (buffer.values + index).deinitialize(count: 1) }
            buffer.deallocate()
            filled.deallocate()
        }
    }
}
