/// Reads a task's erased arguments back as the body's parameter types, one at a time.
@usableFromInline
struct ArgumentReader {
    private let arguments: [any Sendable]
    private let signature: TaskSignature
    private var position = 0

    @usableFromInline
    init(_ arguments: [any Sendable], for signature: TaskSignature) {
        self.arguments = arguments
        self.signature = signature
    }

    /// All of `arguments`, as the types a task's body takes. Never inlined, but specialized where
    /// the task is declared: reading the arguments then takes no room in the `async` frame of the
    /// body's call (a task's first allocation must hold all of its frames, or it costs a malloc).
    @inlinable @inline(never)
    static func read<each Input>(
        _ arguments: [any Sendable], for signature: TaskSignature, as _: (repeat each Input).Type
    ) throws(WeaveError) -> (repeat each Input) {
        var reader = ArgumentReader(arguments, for: signature)
        return (repeat try reader.next((each Input).self))
    }

    /// The next argument as `T`.
    ///
    /// The graph compiler has already matched every producer's type, so a
    /// failed cast is only possible for a protocol-existential parameter whose
    /// producer's value does not conform; that gets a clear error.
    @usableFromInline
    mutating func next<T>(_: T.Type) throws(WeaveError) -> T {
        defer { position += 1 }
        guard position < arguments.count, let value = arguments[position] as? T else {
            let task = signature
            let received =
                position < arguments.count ? String(reflecting: type(of: arguments[position])) : "nothing"
            let source = position < task.dependencies.count ? task.dependencies[position] : "?"
            throw WeaveError(
                .typeMismatch,
                "Task '\(task.name)' (\(task.location)) takes \(String(reflecting: T.self)) as parameter "
                    + "\(position + 1) ('\(source)'), but received \(received).",
                task: task.name, at: task.location)
        }
        return value
    }
}
