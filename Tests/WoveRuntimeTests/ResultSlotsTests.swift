import Testing
import WoveTestSupport

@testable import WoveRuntime

/// A mapped task's result buffer, small (from the allocator) and large (its own mapping, given
/// back a stretch at a time while the results move out).
@Suite("Result slots")
struct ResultSlotsTests {
    /// A three-word value, so that stretches and pages do not line up with values.
    struct Triple: Equatable, Sendable {
        let a: Int
        let b: Int
        let c: Int
    }

    /// Item counts on both sides of the mapped threshold, one not a whole number of pages.
    static let counts = [1, 1000, ResultBuffer<CountedInstance>.mappedThreshold / 8 * 3 + 7]

    @Test("every stored result moves out in item order, each once", arguments: counts)
    func movesOut(count: Int) throws {
        let live = LockedValue(0)
        do {
            let slots = ResultSlots<CountedInstance>(count: count)
            for index in (0..<count).reversed() { slots.store(CountedInstance(index, live), at: index) }
            let results = try slots.results(after: nil)
            #expect(results.count == count)
            #expect(results.indices.allSatisfy { results[$0].value == $0 })
            #expect(live.withLock { $0 } == count)
        }
        #expect(live.withLock { $0 } == 0)
    }

    @Test("a buffer of a megabyte or more is a mapping of its own; a smaller one is not")
    func mappedFromTheThreshold() {
        let threshold = ResultBuffer<Int>.mappedThreshold
        let large = ResultBuffer<Int>(count: threshold / 8)
        let small = ResultBuffer<Int>(count: threshold / 8 - 1)
        #expect(large.isMapped)
        #expect(!small.isMapped)
        large.deallocate()
        small.deallocate()
    }

    @Test("values whose stride does not divide a page move out whole")
    func unevenValues() throws {
        let count = ResultBuffer<Triple>.mappedThreshold / 24 * 2 + 5
        let slots = ResultSlots<Triple>(count: count)
        for index in 0..<count { slots.store(Triple(a: index, b: -index, c: index * 3), at: index) }
        let results = try slots.results(after: nil)
        #expect(results.count == count)
        #expect(results.indices.allSatisfy { results[$0] == Triple(a: $0, b: -$0, c: $0 * 3) })
    }

    struct Boom: Error {}

    @Test("a failed map releases what was stored and throws its failure", arguments: counts)
    func failureReleases(count: Int) {
        let live = LockedValue(0)
        let slots = ResultSlots<CountedInstance>(count: count)
        for index in stride(from: 0, to: count, by: 2) {
            slots.store(CountedInstance(index, live), at: index)
        }
        #expect(throws: Boom.self) { try slots.results(after: Boom()) }
        #expect(live.withLock { $0 } == 0)
    }

    @Test("an item with no result fails the map, naming the item, and releases the others", arguments: counts)
    func missingItem(count: Int) {
        let live = LockedValue(0)
        let slots = ResultSlots<CountedInstance>(count: count)
        for index in 0..<(count - 1) { slots.store(CountedInstance(index, live), at: index) }
        #expect {
            try slots.results(after: nil)
        } throws: { error in
            (error as? WeaveError)?.message == "Item \(count - 1) of a mapped task produced no result."
        }
        #expect(live.withLock { $0 } == 0)
    }

    @Test("slots dropped before they are emptied release what they hold", arguments: counts)
    func droppedSlots(count: Int) {
        let live = LockedValue(0)
        do {
            let slots = ResultSlots<CountedInstance>(count: count)
            slots.store(CountedInstance(0, live), at: 0)
            if count > 1 { slots.store(CountedInstance(count - 1, live), at: count - 1) }
            #expect(live.withLock { $0 } == min(count, 2))
        }
        #expect(live.withLock { $0 } == 0)
    }
}
