/// Builds a dictionary from a sequence of key-value pairs; later duplicates win.
///
/// ```swift
/// redict([("a", 1), ("b", 2), ("a", 3)])  // ["a": 3, "b": 2]
/// ```
///
/// - Parameter pairs: `(key, value)` tuples, read in order.
/// - Returns: A dictionary holding, for each key, the value of its last pair.
public func redict<S: Sequence, Key: Hashable, Value>(_ pairs: S) -> [Key: Value]
where S.Element == (Key, Value) {
    Dictionary(pairs, uniquingKeysWith: { _, later in later })
}

/// Builds a dictionary from labelled `(key:value:)` pairs, such as the output of `undict(_:)`;
/// later duplicates win.
///
/// ```swift
/// redict(undict(["a": 1]))  // ["a": 1]
/// ```
///
/// - Parameter pairs: `(key: value:)` tuples, read in order.
/// - Returns: A dictionary holding, for each key, the value of its last pair.
public func redict<S: Sequence, Key: Hashable, Value>(_ pairs: S) -> [Key: Value]
where S.Element == (key: Key, value: Value) {
    Dictionary(pairs.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, later in later })
}
