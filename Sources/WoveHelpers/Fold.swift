/// Splits a sequence into consecutive chunks of `size` elements.
///
/// Every chunk has exactly `size` elements except possibly the last, which holds what is left.
/// The size is checked before the input is read, so an invalid size throws even for empty input.
///
/// ```swift
/// try fold([1, 2, 3, 4, 5, 6], size: 2)  // [[1, 2], [3, 4], [5, 6]]
/// try fold([1, 2, 3, 4, 5], size: 2)     // [[1, 2], [3, 4], [5]]
/// try fold([Int](), size: 2)             // []
/// ```
///
/// - Parameters:
///   - items: The elements to split, in order.
///   - size: The length of each chunk. Must be greater than zero.
/// - Returns: The chunks as arrays, in order; empty when `items` is empty.
/// - Throws: ``HelperError`` with code ``HelperError/Code/invalidFoldSize`` when `size <= 0`.
public func fold<S: Sequence>(_ items: S, size: Int) throws(HelperError) -> [[S.Element]] {
    guard size > 0 else {
        throw .invalidFoldSize(size)
    }
    return chunked(Array(items), size: size)
}
