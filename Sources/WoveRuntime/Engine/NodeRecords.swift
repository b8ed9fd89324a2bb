/// How each node of one weave ended and how long it took, in one allocation: what the scheduler
/// fills in as tasks finish and the ``WoveResult`` reads after. A copy is the same records.
///
/// Not two arrays: an array of a type of Wove's own looks its storage class up in the runtime's
/// generic metadata cache every time one is made (a hashed, locked lookup), and a weave made
/// three of them before running anything. The storage class here is not generic, so its
/// metadata is made once.
struct NodeRecords: @unchecked Sendable {
    // Safe to share: the records are written only by the weave's `ScheduleBoard`, with its mutex
    // held, or by the code building a result (a forked run's) before it hands them over; a
    // `WoveResult` gets them only once the run has settled (every task recorded, the lane idle)
    // and only reads them. (`ManagedBuffer` is never `Sendable`, hence the unchecked conformance.)
    private let storage: Storage

    /// The node count (the header) and each node's record, in one heap object whose elements
    /// stay put for its lifetime.
    private final class Storage: ManagedBuffer<Int, NodeRecord> {
        deinit {
            withUnsafeMutablePointers { count, elements in _ = elements.deinitialize(count: count.pointee) }
        }
    }

    /// `count` nodes, none finished yet (`pending`, no duration).
    init(count: Int) {
        storage = unsafeDowncast(Storage.create(minimumCapacity: count) { _ in count }, to: Storage.self)
        // Each made in place: `initialize(repeating:count:)` would copy one record into each
        // slot through the outcome enum's copy, which tests its case.
        storage.withUnsafeMutablePointerToElements { elements in
            for index in 0..<count { (elements + index).initialize(to: NodeRecord()) }
        }
    }

    /// The records a weave of `graph` starts with: `data` and the initialization values hold
    /// their values, every task is pending.
    init(seeding graph: CompiledGraph, data: [String: any Sendable]) {
        self.init(count: graph.nodes.count)
        self[0].outcome = .value(data)
        for index in 1..<graph.taskIndices.lowerBound {
            if let value = data[graph.nodes[index].name] { self[index].outcome = .value(value) }
        }
    }

    /// The record of node `index`, read and written in place.
    subscript(index: Int) -> NodeRecord {
        _read {
            let record = element(index)
            defer { withExtendedLifetime(storage) {} }
            yield record.pointee
        }
        nonmutating _modify {
            let record = element(index)
            defer { withExtendedLifetime(storage) {} }
            yield &record.pointee
        }
    }

    /// Where node `index`'s record lives: the elements stay put while `storage` lives, which the
    /// accessors above extend to the end of each access. Every index is a node index of the graph
    /// the records were sized for (nothing from outside the process picks one), so the range is
    /// only asserted.
    private func element(_ index: Int) -> UnsafeMutablePointer<NodeRecord> {
        assert(index >= 0 && index < storage.header, "node \(index) is out of range")
        return storage.withUnsafeMutablePointerToElements { $0 + index }
    }
}

/// How one node ended, and how long its last run took.
struct NodeRecord {
    var outcome = NodeOutcome.pending
    /// `nil` for a node that never ran, or a task cancelled before its body started.
    var duration: Duration?
}
