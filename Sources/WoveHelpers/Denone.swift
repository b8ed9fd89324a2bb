/// Removes the `nil` elements from a sequence of optionals, unwrapping the rest.
///
/// Only `nil` is dropped: falsy-looking values such as `0`, `""` and `false` are kept. With nested
/// optionals only the outer level is removed, so `[1, nil, .some(nil)] as [Int??]` gives
/// `[1, nil] as [Int?]`.
///
/// ```swift
/// denone([1, nil, 0, nil, 2])  // [1, 0, 2]
/// ```
///
/// - Parameter items: The optionals to filter, in order.
/// - Returns: The non-`nil` values, unwrapped, in order.
public func denone<S: Sequence, Wrapped>(_ items: S) -> [Wrapped] where S.Element == Wrapped? {
    items.compactMap { $0 }
}
