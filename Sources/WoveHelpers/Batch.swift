/// Splits a sequence into at most `count` groups of near-equal size.
///
/// Each group holds `ceil(n / count)` elements (where `n` is the input length), except the last,
/// which holds what is left. Because group size is rounded up, the result can have **fewer** than
/// `count` groups: five elements in four batches gives three groups of sizes 2, 2 and 1. When
/// `count` exceeds `n`, every element gets its own group.
///
/// Empty input returns `[]` before `count` is validated, so `batch([], count: 0)` is `[]`.
///
/// ```swift
/// try batch([1, 2, 3, 4, 5, 6], count: 2)  // [[1, 2, 3], [4, 5, 6]]
/// try batch([1, 2, 3, 4, 5], count: 3)     // [[1, 2], [3, 4], [5]]
/// try batch([1, 2, 3, 4, 5], count: 4)     // [[1, 2], [3, 4], [5]] — only three groups
/// try batch([1, 2, 3], count: 5)           // [[1], [2], [3]]
/// ```
///
/// - Parameters:
///   - items: The elements to split, in order.
///   - count: The maximum number of groups. Must be greater than zero when `items` is non-empty.
/// - Returns: The groups as arrays, in order; empty when `items` is empty.
/// - Throws: ``HelperError`` with code ``HelperError/Code/invalidBatchCount`` when `items` is
///   non-empty and `count <= 0`.
public func batch<S: Sequence>(_ items: S, count: Int) throws(HelperError) -> [[S.Element]] {
    let elements = Array(items)
    if elements.isEmpty {
        return []
    }
    guard count > 0 else {
        throw .invalidBatchCount(count)
    }
    let size = (elements.count + count - 1) / count
    return chunked(elements, size: size)
}
