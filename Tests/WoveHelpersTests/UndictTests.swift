import Testing
import WoveHelpers

@Suite("undict(_:)")
struct UndictTests {
    @Test func dictionaryGivesAllPairs() {
        let pairs = undict(["a": 1, "b": 2, "c": 3])
        let sorted = pairs.sorted { $0.key < $1.key }
        #expect(sorted.map(\.key) == ["a", "b", "c"])
        #expect(sorted.map(\.value) == [1, 2, 3])
    }

    @Test func dictionaryOrderMatchesIteration() {
        let dictionary = ["x": 10, "y": 20, "z": 30, "w": 40]
        #expect(undict(dictionary).map(\.key) == Array(dictionary.keys))
    }

    @Test func emptyDictionaryGivesEmpty() {
        #expect(undict([String: Int]()).isEmpty)
    }

    @Test func keyValuePairsKeepWrittenOrder() {
        let pairs = undict(["b": 2, "a": 1, "c": 3] as KeyValuePairs)
        #expect(pairs.map(\.key) == ["b", "a", "c"])
        #expect(pairs.map(\.value) == [2, 1, 3])
    }

    @Test func keyValuePairsKeepDuplicates() {
        let pairs = undict(["a": 1, "a": 2] as KeyValuePairs)
        #expect(pairs.map(\.key) == ["a", "a"])
        #expect(pairs.map(\.value) == [1, 2])
    }
}
