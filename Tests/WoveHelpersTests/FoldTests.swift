import Testing
import WoveHelpers

@Suite("fold(_:size:)")
struct FoldTests {
    @Test func evenSplit() throws {
        #expect(try fold([1, 2, 3, 4, 5, 6], size: 2) == [[1, 2], [3, 4], [5, 6]])
    }

    @Test func shorterLastChunk() throws {
        #expect(try fold([1, 2, 3, 4, 5], size: 2) == [[1, 2], [3, 4], [5]])
    }

    @Test func emptyInputGivesEmpty() throws {
        #expect(try fold([Int](), size: 2) == [])
    }

    @Test func sizeOneGivesSingletons() throws {
        #expect(try fold([1, 2, 3], size: 1) == [[1], [2], [3]])
    }

    @Test func sizeEqualToLengthGivesOneChunk() throws {
        #expect(try fold([1, 2, 3], size: 3) == [[1, 2, 3]])
    }

    @Test func sizeLargerThanInputGivesOneChunk() throws {
        #expect(try fold([1, 2, 3], size: 10) == [[1, 2, 3]])
    }

    @Test func acceptsAnySequence() throws {
        #expect(try fold("abcde", size: 2) == [["a", "b"], ["c", "d"], ["e"]])
        #expect(try fold(1...5, size: 3) == [[1, 2, 3], [4, 5]])
    }

    @Test(arguments: [0, -1, -7])
    func nonPositiveSizeThrows(size: Int) {
        let error = #expect(throws: HelperError.self) {
            try fold([1, 2, 3], size: size)
        }
        #expect(error?.code == .invalidFoldSize)
        #expect(error?.value == size)
        #expect(error?.message == "fold(_:size:) needs a positive size; got \(size).")
        #expect(error?.description == error?.message)
    }

    @Test func sizeIsCheckedBeforeEmptyInput() {
        let error = #expect(throws: HelperError.self) {
            try fold([Int](), size: 0)
        }
        #expect(error?.code == .invalidFoldSize)
        #expect(error?.message == "fold(_:size:) needs a positive size; got 0.")
    }
}
