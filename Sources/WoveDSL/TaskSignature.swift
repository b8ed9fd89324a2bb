/// A task's name, location and typed dependencies: everything but its body.
@usableFromInline
struct TaskSignature: Sendable {
    let name: String
    let location: SourceLocation
    let inputs: [TaskInput]

    @usableFromInline
    init<each Input>(
        _ name: String, after dependencies: repeat Dependency<each Input>, at location: SourceLocation
    ) {
        // Sized first: appending to an empty array would allocate again as it grows.
        var count = 0
        for _ in repeat each dependencies { count += 1 }
        var inputs: [TaskInput] = []
        inputs.reserveCapacity(count)
        repeat inputs.append(TaskInput((each dependencies).name, TypeDescriptor((each Input).self)))
        self.name = name
        self.location = location
        self.inputs = inputs
    }

    @usableFromInline
    func definition<Output>(
        output: Output.Type, body: TaskBody, mapping: MappingSource? = nil,
        codec: (any RemoteCodec.Type)? = nil
    ) -> TaskDefinition {
        TaskDefinition(
            name: name, location: location, inputs: inputs, outputType: TypeDescriptor(output), body: body,
            mapping: mapping, codec: codec)
    }
}
