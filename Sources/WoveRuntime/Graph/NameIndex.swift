/// Finds a name's position in a list of names: by scanning when the list is short, by hashing
/// when it is long.
///
/// Most weaves have a handful of nodes, and comparing a few short strings costs less than
/// seeding a hasher and building a dictionary on every run.
package struct NameIndex: Sendable {
    /// Up to this many names are scanned rather than hashed.
    static let scanLimit = 16

    private let names: [String]
    private let positions: [String: Int]?

    /// An index of `names`; a name listed twice resolves to its last position.
    package init(_ names: [String]) {
        self.names = names
        guard names.count > Self.scanLimit else {
            positions = nil
            return
        }
        var positions = [String: Int](minimumCapacity: names.count)
        for (position, name) in names.enumerated() { positions[name] = position }
        self.positions = positions
    }

    /// An index of `names` with `positions` already worked out (`nil` for a short list).
    init(_ names: [String], positions: [String: Int]?) {
        self.names = names
        self.positions = positions
    }

    /// The position of `name`, if listed.
    package subscript(name: String) -> Int? {
        if let positions { return positions[name] }
        return names.lastIndex(of: name)
    }
}
