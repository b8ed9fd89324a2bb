/// One field of a JSON object as it was read, in order: a struct rather than a tuple, so an
/// array of them needs no type metadata made at run time.
package struct JSONField: Sendable {
    /// The field's key.
    package let key: String
    /// The field's value.
    package let value: JSONValue
}
