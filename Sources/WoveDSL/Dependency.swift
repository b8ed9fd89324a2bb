/// An upstream task or initialization value, typed by the value a body receives from it.
///
/// You rarely spell this type. In `after:`, a string literal names a dependency and the
/// closure's parameter type gives it its type; a task's node is itself a dependency, typed by
/// what the task produces, so the compiler checks it and infers the parameter:
///
/// ```swift
/// let user = Task("user", after: "user_id") { (id: Int) in try await api.user(id) }
/// Task("greeting", after: user, "locale") { user, (locale: String) in greet(user, in: locale) }
/// ```
///
/// Names and nodes mix freely in one `after:` list.
public class Dependency<Value>: ExpressibleByStringLiteral, CustomStringConvertible, @unchecked Sendable {
    // Safe to share: its one stored property is a constant, and so are its subclasses'.

    /// The upstream node's name.
    public let name: String

    /// A dependency on the node called `value`.
    public required init(stringLiteral value: String) { name = value }

    /// A dependency on the node called `name`.
    public convenience init(_ name: String) { self.init(named: name) }

    init(named name: String) { self.name = name }

    /// The upstream node's name.
    public var description: String { name }
}
