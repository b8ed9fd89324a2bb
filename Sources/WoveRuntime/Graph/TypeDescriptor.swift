/// A recorded Swift type: a producer's output or a consumer's input.
///
/// The graph compiler compares descriptors to reject miswired graphs before
/// anything runs. A metatype is an immutable, process-global value, so storing
/// one and reading it from any thread is safe; that is why this type may claim
/// `Sendable` although `Any.Type` is not declared so.
@usableFromInline
package struct TypeDescriptor: @unchecked Sendable, CustomStringConvertible {
    package let type: Any.Type

    package init<T>(_ type: T.Type) {
        self.type = type
    }

    /// The type's fully qualified name, e.g. `Swift.Int`.
    @usableFromInline
    package var description: String { String(reflecting: type) }

    /// Whether a value of `producer`'s type can be passed as this type.
    ///
    /// Exact matches and subclasses are decided here. An existential parameter
    /// (`Any`, `any P`) cannot be checked from a metatype alone, so it is
    /// accepted here and checked by the cast when the value arrives.
    package func accepts(_ producer: TypeDescriptor) -> Bool {
        producer.type == type || Self.isExistential(type) || Self.admits(producer.type, as: type)
    }

    /// Whether `type` is `Any`, `AnyObject` or a protocol existential (`any P`).
    ///
    /// For such a `T`, `T.Type` is the existential's own metatype, so `is T.Type`
    /// does not test conformance. The check reads the type metadata's kind, the
    /// first word of every Swift type's metadata in the stable runtime ABI:
    /// `0x303` for existentials, `0x307` for constrained ones (`any P<X>`).
    package var isExistential: Bool { Self.isExistential(type) }

    private static func isExistential(_ type: Any.Type) -> Bool {
        let kind = unsafeBitCast(type, to: UnsafePointer<UInt>.self).pointee
        return kind == existentialKind || kind == extendedExistentialKind
    }

    /// Whether `producer` is `consumer` or a subclass of it: the consumer's type is opened, so
    /// only a check that gets this far pays for it, not every descriptor made.
    private static func admits(_ producer: Any.Type, as consumer: Any.Type) -> Bool {
        func check<Consumer>(_: Consumer.Type) -> Bool { producer is Consumer.Type }
        return check(consumer)
    }

    private static let existentialKind: UInt = 0x303
    private static let extendedExistentialKind: UInt = 0x307
}
