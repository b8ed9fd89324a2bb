/// What a weave does when a task fails.
public enum ErrorMode: Sendable, Hashable {
    /// `weave` throws the first task error, unchanged (the default).
    case raise
    /// `weave` returns the result; failed tasks hold their errors, and the
    /// untyped subscript yields the error as the value.
    case `return`
}
