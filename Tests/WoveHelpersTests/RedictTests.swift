import Testing
import WoveHelpers

@Suite("redict(_:)")
struct RedictTests {
    @Test func laterDuplicatesWin() {
        #expect(redict([("a", 1), ("b", 2), ("a", 3)]) == ["a": 3, "b": 2])
    }

    @Test func distinctKeys() {
        #expect(redict([("a", 1), ("b", 2)]) == ["a": 1, "b": 2])
    }

    @Test func emptyGivesEmpty() {
        #expect(redict([(String, Int)]()) == [:])
    }

    @Test func acceptsLazySequences() {
        #expect(redict((1...3).lazy.map { ($0, $0 * $0) }) == [1: 1, 2: 4, 3: 9])
    }

    @Test func roundTripsUndictOfDictionary() {
        let dictionary = ["a": 1, "b": 2, "c": 3]
        #expect(redict(undict(dictionary)) == dictionary)
    }

    @Test func labelledPairsLaterDuplicatesWin() {
        #expect(redict(undict(["a": 1, "b": 2, "a": 3] as KeyValuePairs)) == ["a": 3, "b": 2])
    }
}
