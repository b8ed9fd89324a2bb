extension WoveResult {
    /// The value of `node`, typed by its declaration.
    ///
    /// - Throws: the task's own error if it failed; `CancellationError` if it
    ///   was cancelled; ``WeaveError`` if the weave has no task of that name,
    ///   or if a later declaration of the name produced another type.
    public subscript<Node: TaskDeclaring>(node: Node) -> Node.Output {
        get throws { try value(node.name, as: Node.Output.self) }
    }
}
