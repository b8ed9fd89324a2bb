/// Splits `items` into consecutive arrays of `size` elements; the last may be shorter.
///
/// Shared by ``fold(_:size:)`` and ``batch(_:count:)``, which validate `size` first.
///
/// - Parameters:
///   - items: The elements to split, in order.
///   - size: The chunk length; must be positive.
/// - Returns: The chunks, or an empty array when `items` is empty.
func chunked<Element>(_ items: [Element], size: Int) -> [[Element]] {
    stride(from: 0, to: items.count, by: size).map { start in
        Array(items[start..<min(start + size, items.count)])
    }
}
