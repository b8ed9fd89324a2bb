import Testing
import WoveHelpers

@Suite("batch(_:count:)")
struct BatchTests {
    @Test(arguments: [
        (Array(1...6), 2, [[1, 2, 3], [4, 5, 6]]),
        (Array(1...6), 3, [[1, 2], [3, 4], [5, 6]]),
        (Array(1...5), 2, [[1, 2, 3], [4, 5]]),
        (Array(1...5), 3, [[1, 2], [3, 4], [5]]),
        (Array(1...5), 4, [[1, 2], [3, 4], [5]]),
        ([1, 2, 3], 5, [[1], [2], [3]]),
    ])
    func documentedExamples(items: [Int], count: Int, expected: [[Int]]) throws {
        #expect(try batch(items, count: count) == expected)
    }

    @Test func canReturnFewerGroupsThanCount() throws {
        let groups = try batch(Array(1...5), count: 4)
        #expect(groups.count == 3)
    }

    @Test func countOneGivesOneGroup() throws {
        #expect(try batch([1, 2, 3], count: 1) == [[1, 2, 3]])
    }

    @Test func countEqualToLengthGivesSingletons() throws {
        #expect(try batch([1, 2, 3, 4], count: 4) == [[1], [2], [3], [4]])
    }

    @Test func emptyInputGivesEmpty() throws {
        #expect(try batch([Int](), count: 3) == [])
    }

    @Test(arguments: [0, -1])
    func emptyInputSkipsCountValidation(count: Int) throws {
        #expect(try batch([Int](), count: count) == [])
    }

    @Test func acceptsAnySequence() throws {
        #expect(try batch("abcde", count: 2) == [["a", "b", "c"], ["d", "e"]])
    }

    @Test(arguments: [0, -1, -4])
    func nonPositiveCountThrows(count: Int) {
        let error = #expect(throws: HelperError.self) {
            try batch([1, 2, 3], count: count)
        }
        #expect(error?.code == .invalidBatchCount)
        #expect(error?.code != .invalidFoldSize)
        #expect(error?.value == count)
        #expect(error?.message == "batch(_:count:) needs a positive count; got \(count).")
        #expect(error.map { String(describing: $0) } == error?.message)
    }
}
