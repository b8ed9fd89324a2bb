/// Compiles a reusable weave's tasks followed by the inline block, so inline declarations
/// override the weave's by name.
func prepareWeave(
    _ template: (any Weave)?,
    data: [String: any Sendable],
    settings: WeaveSettings,
    content: () throws -> TaskList
) throws -> PreparedWeave {
    let inline = try content().definitions
    guard let template else { return try PreparedWeave.prepare(inline, data: data, settings: settings) }
    return try PreparedWeave.prepare(template.definitions + inline, data: data, settings: settings)
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
