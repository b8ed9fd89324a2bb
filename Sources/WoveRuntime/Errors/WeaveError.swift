/// An error raised by Wove itself: a graph that cannot run, a bad option, or a
/// result read the wrong way.
///
/// Errors thrown by your task bodies are never wrapped in a `WeaveError`;
/// `weave` rethrows them unchanged. Match on ``code`` to tell Wove's errors
/// apart:
///
/// ```swift
/// do {
///     _ = try await weave { Task("a", after: "missing") { (x: Int) in x } }
/// } catch let error as WeaveError where error.code == .unknownDependency {
///     print(error)  // names the task, its file:line, and a suggestion
/// }
/// ```
public struct WeaveError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a comparable value.
    public let code: Code
    /// A sentence naming the culprit and, where there is one, a fix.
    public let message: String
    /// The task at fault, when one task is.
    public let taskName: String?
    /// Where that task was declared, when known.
    public let location: SourceLocation?

    package init(_ code: Code, _ message: String, task: String? = nil, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.taskName = task
        self.location = location
    }

    /// The message, prefixed with the code.
    public var description: String { "WeaveError.\(code): \(message)" }
}
