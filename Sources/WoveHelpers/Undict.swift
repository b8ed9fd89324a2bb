/// Turns a dictionary into an array of its key-value pairs.
///
/// Swift dictionaries are unordered: the pairs come out in the dictionary's own iteration order,
/// which is unspecified and can differ between runs. Sort the result, or use the
/// `KeyValuePairs` overload, when order matters.
///
/// ```swift
/// let pairs = undict(["a": 1, "b": 2])
/// pairs.sorted { $0.key < $1.key }.map(\.value)  // [1, 2]
/// ```
///
/// - Parameter dictionary: The dictionary to unpack.
/// - Returns: One `(key, value)` tuple per entry, in the dictionary's iteration order.
public func undict<Key: Hashable, Value>(_ dictionary: [Key: Value]) -> [(key: Key, value: Value)] {
    Array(dictionary)
}

/// Turns an ordered list of key-value pairs into an array, keeping the written order.
///
/// Use this overload when order matters; `KeyValuePairs` keeps duplicate keys too.
///
/// ```swift
/// undict(["b": 2, "a": 1] as KeyValuePairs)  // [(key: "b", value: 2), (key: "a", value: 1)]
/// ```
///
/// - Parameter pairs: The pairs to unpack.
/// - Returns: One `(key, value)` tuple per pair, in the order written, duplicates included.
public func undict<Key, Value>(_ pairs: KeyValuePairs<Key, Value>) -> [(key: Key, value: Value)] {
    Array(pairs)
}
