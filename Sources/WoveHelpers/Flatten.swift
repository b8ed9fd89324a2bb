/// Joins a sequence of sequences into one array, removing exactly one level of nesting.
///
/// ```swift
/// flatten([[1, 2], [3, 4], [5]])  // [1, 2, 3, 4, 5]
/// flatten([[], [1], [], [2, 3]])  // [1, 2, 3]
/// flatten([[[1], [2]], [[3]]])    // [[1], [2], [3]] — only one level
/// ```
///
/// - Parameter sequences: The sequences to join, in order. Inner sequences may differ in length
///   and may be empty.
/// - Returns: Every inner element, in order.
public func flatten<Outer: Sequence>(_ sequences: Outer) -> [Outer.Element.Element]
where Outer.Element: Sequence {
    var result: [Outer.Element.Element] = []
    for inner in sequences {
        result.append(contentsOf: inner)
    }
    return result
}
