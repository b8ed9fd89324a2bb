/// Reads a task's erased arguments back as the body's parameter types, one at a time.
///
/// Each read takes the task's signature, for the error it may throw, rather than the reader
/// keeping a copy: a copy is a retain of each of its strings and arrays, and every run of every
/// task makes a reader.
@usableFromInline
struct ArgumentReader {
    private let arguments: [any Sendable]
    private var position = 0

    @usableFromInline
    init(_ arguments: [any Sendable]) { self.arguments = arguments }

    /// All of `arguments`, as the types a task's body takes. Never inlined, but specialized where
    /// the task is declared: reading the arguments then takes no room in the `async` frame of the
    /// body's call (a task's first allocation must hold all of its frames, or it costs a malloc).
    @inlinable @inline(never)
    static func read<each Input>(
        _ arguments: [any Sendable], for signature: TaskSignature, as _: (repeat each Input).Type
    ) throws(WeaveError) -> (repeat each Input) {
        var reader = ArgumentReader(arguments)
        return (repeat try reader.next((each Input).self, for: signature))
    }

    /// The next argument as `T`, for a task with `signature`.
    ///
    /// The graph compiler has already matched every producer's type, so a
    /// failed cast is only possible for a protocol-existential parameter whose
    /// producer's value does not conform; that gets a clear error.
    @usableFromInline
    mutating func next<T>(_: T.Type, for signature: TaskSignature) throws(WeaveError) -> T {
        defer { position += 1 }
        guard position < arguments.count else {
            throw mismatch(expected: String(reflecting: T.self), in: signature)
        }
        let argument = arguments[position]
        // Almost always the box holds exactly a `T`: take it without a cast. `as? T` here, in code
        // shared by every parameter type, first looks up `Optional<T>`'s metadata in the
        // runtime's locked cache (about 300 instructions an argument).
        if Self.holds(argument, exactly: T.self) { return Self.reinterpreted(argument, as: T.self) }
        return try converted(argument, to: T.self, in: signature)
    }

    /// Whether the existential `value` came from stores a `T` itself: the type the box holds,
    /// opened, not the dynamic type `type(of:)` would find inside nested boxes or metatypes.
    private static func holds<V: Sendable, T>(_ value: V, exactly _: T.Type) -> Bool { V.self == T.self }

    /// `value`, opened from its existential, as a `T`. Only for a box that ``holds(_:exactly:)``
    /// a `T`: the types are then the same, so the bits are a `T`'s.
    private static func reinterpreted<V: Sendable, T>(_ value: V, as _: T.Type) -> T {
        unsafeBitCast(value, to: T.self)
    }

    /// `argument` as a `T` (a subclass, or a value for an existential parameter); throws if it
    /// is not one. Apart from ``next(_:)``, so that only this path makes an `Optional<T>`.
    @inline(never)
    private func converted<T>(
        _ argument: any Sendable, to _: T.Type, in signature: TaskSignature
    ) throws(WeaveError) -> T {
        guard let value = argument as? T else {
            throw mismatch(expected: String(reflecting: T.self), in: signature)
        }
        return value
    }

    /// The error for an argument at the current position that is missing or not of type
    /// `expected`, in a task with signature `task`.
    private func mismatch(expected: String, in task: TaskSignature) -> WeaveError {
        let received =
            position < arguments.count ? String(reflecting: type(of: arguments[position])) : "nothing"
        let source = position < task.inputs.count ? task.inputs[position].dependency : "?"
        return WeaveError(
            .typeMismatch,
            "Task '\(task.name)' (\(task.location)) takes \(expected) as parameter "
                + "\(position + 1) ('\(source)'), but received \(received).",
            task: task.name, at: task.location)
    }
}
