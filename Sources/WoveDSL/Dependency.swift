/// The name of an upstream task or initialization value, typed by the value a body receives from it.
///
/// You rarely spell this type: string literals in `after:` become
/// dependencies, and the closure's parameter types give each one its type.
///
/// ```swift
/// Task("greeting", after: "name", "age") { (name: String, age: Int) in "\(name) is \(age)" }
/// ```
public struct Dependency<Value>: ExpressibleByStringLiteral, Sendable, CustomStringConvertible {
    /// The upstream node's name.
    public let name: String

    /// A dependency on the node called `name`.
    public init(_ name: String) { self.name = name }

    /// A dependency on the node called `value`.
    public init(stringLiteral value: String) { self.name = value }

    /// A dependency on the task `node`, whose output type must be `Value`.
    public init<Node: TaskDeclaring>(_ node: Node) where Node.Output == Value { self.name = node.name }

    /// The upstream node's name.
    public var description: String { name }
}
