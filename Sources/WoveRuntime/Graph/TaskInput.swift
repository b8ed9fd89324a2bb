/// One input of a task: the upstream node it comes from and the type of the body parameter it
/// fills. A task's inputs are one array of these, not a name array and a type array: declaring a
/// task then allocates once for them.
package struct TaskInput: Sendable {
    /// The upstream node's name.
    package let dependency: String
    /// The declared type of the body parameter.
    package let type: TypeDescriptor

    package init(_ dependency: String, _ type: TypeDescriptor) {
        self.dependency = dependency
        self.type = type
    }
}
