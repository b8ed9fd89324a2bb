/// One declared task, as the DSL hands it to the runtime.
package struct TaskDefinition: Sendable {
    package var name: String
    package var location: SourceLocation
    /// The names of the upstream nodes, one per body parameter, in order.
    package var dependencies: [String]
    /// The declared type of each body parameter, parallel to `dependencies`.
    package var inputTypes: [TypeDescriptor]
    package var outputType: TypeDescriptor
    package var body: TaskBody
    package var options = TaskOptions()
    /// Where a mapped task's items come from; `nil` for a plain task.
    package var mapping: MappingSource?
    /// How the task crosses a process boundary; `nil` unless its inputs and output are `Codable`.
    package var codec: (any RemoteCodec.Type)?
    /// The ``Weave`` type the task was declared in, sent along with it to a worker.
    package var weaveName: String?

    package init(
        name: String,
        location: SourceLocation,
        dependencies: [String],
        inputTypes: [TypeDescriptor],
        outputType: TypeDescriptor,
        body: TaskBody,
        mapping: MappingSource? = nil
    ) {
        self.name = name
        self.location = location
        self.dependencies = dependencies
        self.inputTypes = inputTypes
        self.outputType = outputType
        self.body = body
        self.mapping = mapping
    }

    /// The keys of the `args` object a remote run carries: a mapped task's item travels as
    /// `item`, ahead of its other inputs.
    package var remoteArgumentNames: [String] { mapping == nil ? dependencies : ["item"] + dependencies }

    /// Throws if a mapped task has an input named `item`, which would collide with the element
    /// in a remote run's `args`.
    package func checkRemoteArgumentNames() throws(WeaveError) {
        guard mapping != nil, dependencies.contains("item") else { return }
        throw WeaveError(
            .invalidOption,
            "Mapped task '\(name)' (\(location)) has an input named 'item', but a remote run sends its element "
                + "as 'item'; rename that input to run the task in another process.",
            task: name, at: location)
    }

    /// The body a worker runs for one remote run: a mapped task's per-item body; `nil` if the
    /// task cannot run remotely.
    package var remoteBody: RemoteBody? {
        guard codec != nil else { return nil }
        switch body {
        case .sync(let run): return .sync(run)
        case .async(let run): return .async(run)
        case .mapped(let mapped): return mapped.remote?.item
        }
    }

    /// The upstream node a mapped task's items come from, if any.
    package var mappingSourceName: String? {
        if case .upstream(let name, _, _) = mapping { return name }
        return nil
    }
}
