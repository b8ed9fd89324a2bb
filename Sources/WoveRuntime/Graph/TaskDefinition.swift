/// One declared task, as the DSL hands it to the runtime.
///
/// A value with copy-on-write storage: the compiler and the DSL's modifiers copy definitions
/// freely, and a copy is one reference, not the dozens of fields below.
package struct TaskDefinition: Sendable {
    /// The fields, shared between copies until one of them changes.
    private final class Storage: Sendable {
        let name: String
        let location: SourceLocation
        let dependencies: [String]
        let inputTypes: [TypeDescriptor]
        let outputType: TypeDescriptor
        let body: TaskBody
        let options: TaskOptions
        let mapping: MappingSource?
        let codec: (any RemoteCodec.Type)?
        let weaveName: String?

        init(
            name: String, location: SourceLocation, dependencies: [String], inputTypes: [TypeDescriptor],
            outputType: TypeDescriptor, body: TaskBody, options: TaskOptions, mapping: MappingSource?,
            codec: (any RemoteCodec.Type)?, weaveName: String?
        ) {
            self.name = name
            self.location = location
            self.dependencies = dependencies
            self.inputTypes = inputTypes
            self.outputType = outputType
            self.body = body
            self.options = options
            self.mapping = mapping
            self.codec = codec
            self.weaveName = weaveName
        }

        /// A copy with one field changed.
        func with(_ change: (inout Fields) -> Void) -> Storage {
            var fields = Fields(self)
            change(&fields)
            return Storage(
                name: fields.name, location: fields.location, dependencies: fields.dependencies,
                inputTypes: fields.inputTypes, outputType: fields.outputType, body: fields.body,
                options: fields.options, mapping: fields.mapping, codec: fields.codec,
                weaveName: fields.weaveName)
        }
    }

    /// The fields as plain variables, for ``Storage/with(_:)``.
    private struct Fields {
        var name: String
        var location: SourceLocation
        var dependencies: [String]
        var inputTypes: [TypeDescriptor]
        var outputType: TypeDescriptor
        var body: TaskBody
        var options: TaskOptions
        var mapping: MappingSource?
        var codec: (any RemoteCodec.Type)?
        var weaveName: String?

        init(_ storage: Storage) {
            name = storage.name
            location = storage.location
            dependencies = storage.dependencies
            inputTypes = storage.inputTypes
            outputType = storage.outputType
            body = storage.body
            options = storage.options
            mapping = storage.mapping
            codec = storage.codec
            weaveName = storage.weaveName
        }
    }

    private var storage: Storage

    package var name: String {
        get { storage.name }
        set { storage = storage.with { $0.name = newValue } }
    }
    package var location: SourceLocation {
        get { storage.location }
        set { storage = storage.with { $0.location = newValue } }
    }
    /// The names of the upstream nodes, one per body parameter, in order.
    package var dependencies: [String] {
        get { storage.dependencies }
        set { storage = storage.with { $0.dependencies = newValue } }
    }
    /// The declared type of each body parameter, parallel to `dependencies`.
    package var inputTypes: [TypeDescriptor] {
        get { storage.inputTypes }
        set { storage = storage.with { $0.inputTypes = newValue } }
    }
    package var outputType: TypeDescriptor {
        get { storage.outputType }
        set { storage = storage.with { $0.outputType = newValue } }
    }
    package var body: TaskBody {
        get { storage.body }
        set { storage = storage.with { $0.body = newValue } }
    }
    package var options: TaskOptions {
        get { storage.options }
        set { storage = storage.with { $0.options = newValue } }
    }
    /// Where a mapped task's items come from; `nil` for a plain task.
    package var mapping: MappingSource? {
        get { storage.mapping }
        set { storage = storage.with { $0.mapping = newValue } }
    }
    /// How the task crosses a process boundary; `nil` unless its inputs and output are `Codable`.
    package var codec: (any RemoteCodec.Type)? {
        get { storage.codec }
        set { storage = storage.with { $0.codec = newValue } }
    }
    /// The ``Weave`` type the task was declared in, sent along with it to a worker.
    package var weaveName: String? {
        get { storage.weaveName }
        set { storage = storage.with { $0.weaveName = newValue } }
    }

    package init(
        name: String,
        location: SourceLocation,
        dependencies: [String],
        inputTypes: [TypeDescriptor],
        outputType: TypeDescriptor,
        body: TaskBody,
        mapping: MappingSource? = nil,
        codec: (any RemoteCodec.Type)? = nil
    ) {
        storage = Storage(
            name: name, location: location, dependencies: dependencies, inputTypes: inputTypes,
            outputType: outputType, body: body, options: TaskOptions(), mapping: mapping, codec: codec,
            weaveName: nil)
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
