#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Uninitialized memory for a mapped task's results, which gives its pages back to the system
/// while the results move out of it.
///
/// A map stores each result here as it arrives, then moves them all into the task's array.
/// Were the buffer an ordinary allocation, both would be resident at once at the end: twice the
/// results. A large buffer (``mappedThreshold`` bytes or more) is instead its own anonymous
/// mapping, and ``moveAll(into:)`` unmaps it a stretch at a time, right behind the move, so the
/// two together hold little more than the results once over. A small one comes from the
/// allocator, whose memory a process keeps anyway.
///
/// Not `Sendable`: ``ResultSlots`` owns it, and says who may touch it when; it empties it once,
/// with ``moveAll(into:)`` or ``deallocate()``.
struct ResultBuffer<Value> {
    /// The first value; valid, once allocated, until the buffer is moved out or deallocated.
    let values: UnsafeMutablePointer<Value>
    /// How many values there is room for.
    private let count: Int
    /// The length of the mapping, or 0 when the memory came from the allocator.
    private let mappedBytes: Int

    /// Whether the memory is a mapping of its own, given back as the values move out.
    var isMapped: Bool { mappedBytes > 0 }

    /// Buffers this large or larger are mapped; below it, the allocator's reuse is worth more.
    static var mappedThreshold: Int { 1 << 20 }
    /// How many bytes move between two unmappings.
    private static var stretchBytes: Int { 1 << 20 }

    /// Room for `count` values, none of them initialized.
    init(count: Int) {
        self.count = count
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
        if !overflow, bytes >= Self.mappedThreshold, let mapped = Self.map(bytes) {
            values = mapped.bindMemory(to: Value.self, capacity: count)
            mappedBytes = bytes
        } else {
            values = .allocate(capacity: count)
            mappedBytes = 0
        }
    }

    /// Moves every value, all of them initialized, to `destination`, and gives the memory back as
    /// it goes; the buffer is gone afterwards.
    func moveAll(into destination: UnsafeMutablePointer<Value>) {
        guard isMapped else {
            destination.moveInitialize(from: values, count: count)
            deallocate()
            return
        }
        let stride = MemoryLayout<Value>.stride
        let stretch = max(1, Self.stretchBytes / stride)
        let page = Self.pageSize
        let base = UnsafeMutableRawPointer(values)
        var moved = 0
        var unmapped = 0
        while moved < count {
            let length = min(stretch, count - moved)
            (destination + moved).moveInitialize(from: values + moved, count: length)
            moved += length
            // The whole pages behind the move hold nothing any more.
            let behind = moved * stride / page * page
            if behind > unmapped {
                munmap(base + unmapped, behind - unmapped)
                unmapped = behind
            }
        }
        if mappedBytes > unmapped { munmap(base + unmapped, mappedBytes - unmapped) }
    }

    /// Frees the memory, whose values are already deinitialized or were never initialized.
    func deallocate() {
        if isMapped {
            munmap(UnsafeMutableRawPointer(values), mappedBytes)
        } else {
            values.deallocate()
        }
    }

    /// `bytes` of fresh, private, zero-filled pages; `nil` if the system refuses them.
    private static func map(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let pointer = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let pointer, pointer != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return pointer
    }

    /// The system's page size: the unit memory goes back to it in.
    private static var pageSize: Int {
        let size = sysconf(Int32(_SC_PAGESIZE))
        return size > 0 ? size : 4096
    }
}
