/// Compiles a reusable weave's tasks followed by the inline block, so inline declarations
/// override the weave's by name.
func prepareWeave(
    _ template: (any Weave)?,
    data: [String: any Sendable],
    settings: WeaveSettings,
    content: () throws -> TaskList
) throws -> PreparedWeave {
    var definitions = template?.taskList.definitions ?? []
    definitions.append(contentsOf: try content().definitions)
    return try PreparedWeave.prepare(definitions, data: data, settings: settings)
}

extension Weave {
    /// The weave's tasks as a list.
    fileprivate var taskList: TaskList { tasks.taskList }
}
