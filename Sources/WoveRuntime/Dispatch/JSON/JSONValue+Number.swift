extension JSONValue {
    /// The value as a `Double` if it is a number, whole or not: how every setting and field that
    /// takes seconds or another quantity reads it.
    var double: Double? {
        switch self {
        case .integer(let integer): Double(integer)
        case .number(let number): number
        default: nil
        }
    }
}
