/// Compiles a reusable weave's tasks followed by the inline block, so inline declarations
/// override the weave's by name.
func prepareWeave(
    _ template: (any Weave)?,
    data: [String: any Sendable],
    options: RunOptions,
    content: () throws -> TaskList
) throws -> PreparedWeave {
    let inline = try content().definitions
    let definitions = template.map { $0.definitions + inline } ?? inline
    return try PreparedWeave.prepare(definitions, data: data, settings: options.settings)
}

extension Weave {
    /// The weave's tasks, each marked with ``weaveName`` so a worker learns where it came from.
    fileprivate var definitions: [TaskDefinition] {
        tasks.taskList.definitions.map { definition in
            var marked = definition
            marked.weaveName = Self.weaveName
            return marked
        }
    }
}
