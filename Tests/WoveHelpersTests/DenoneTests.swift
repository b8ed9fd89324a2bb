import Testing
import WoveHelpers

@Suite("denone(_:)")
struct DenoneTests {
    @Test func dropsNil() {
        #expect(denone([1, nil, 2, nil, 3]) == [1, 2, 3])
    }

    @Test func keepsZeroEmptyStringAndFalse() {
        #expect(denone([0, nil, 0]) == [0, 0])
        #expect(denone(["", nil, "a"]) == ["", "a"])
        #expect(denone([false, nil, true]) == [false, true])
    }

    @Test func allNilGivesEmpty() {
        #expect(denone([Int?](repeating: nil, count: 3)) == [])
    }

    @Test func emptyGivesEmpty() {
        #expect(denone([Int?]()) == [])
    }

    @Test func removesOnlyOuterOptionalLevel() {
        let nested: [Int??] = [1, nil, .some(nil), 2]
        let result: [Int?] = denone(nested)
        #expect(result == [1, nil, 2])
    }

    @Test func keepsTuples() {
        let pairs: [(String, Int)?] = [("a", 1), nil, ("b", 0)]
        let result = denone(pairs)
        #expect(result.map(\.0) == ["a", "b"])
        #expect(result.map(\.1) == [1, 0])
    }
}
