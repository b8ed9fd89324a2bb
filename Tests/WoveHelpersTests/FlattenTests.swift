import Testing
import WoveHelpers

@Suite("flatten(_:)")
struct FlattenTests {
    @Test func joinsInnerArraysInOrder() {
        #expect(flatten([[1, 2], [3, 4], [5]]) == [1, 2, 3, 4, 5])
    }

    @Test func skipsEmptyInnerArrays() {
        #expect(flatten([[], [1], [], [2, 3]]) == [1, 2, 3])
    }

    @Test func emptyOuterGivesEmpty() {
        #expect(flatten([[Int]]()) == [])
    }

    @Test func allInnerEmptyGivesEmpty() {
        #expect(flatten([[Int]](repeating: [], count: 3)) == [])
    }

    @Test func removesOnlyOneLevel() {
        #expect(flatten([[[1], [2]], [[3]]]) == [[1], [2], [3]])
    }

    @Test func acceptsStringsAsInnerSequences() {
        #expect(flatten(["ab", "", "c"]) == ["a", "b", "c"])
    }

    @Test func acceptsLazyAndRangeSequences() {
        #expect(flatten([1...2, 5...6].lazy) == [1, 2, 5, 6])
    }
}
