/// One declared task, as the DSL hands it to the runtime.
///
/// A value with copy-on-write storage: the compiler and the DSL's modifiers copy definitions
/// freely, and a copy is one reference, not the dozens of fields below.
@usableFromInline
package struct TaskDefinition: Sendable {
    /// The fields.
    private struct Fields: Sendable {
        var name: String
        var location: SourceLocation
        var inputs: [TaskInput]
        var outputType: TypeDescriptor
        var body: TaskBody
        var options = TaskOptions()
        var mapping: MappingSource?
        var codec: (any RemoteCodec.Type)?
        var weaveName: String?
    }

    /// The fields, shared between copies; a change replaces the box.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Changes one field, in a box of this definition's own.
    private mutating func change(_ update: (inout Fields) -> Void) {
        var fields = storage.fields
        update(&fields)
        storage = Storage(fields)
    }

    package var name: String {
        get { storage.fields.name }
        set { change { $0.name = newValue } }
    }
    package var location: SourceLocation {
        get { storage.fields.location }
        set { change { $0.location = newValue } }
    }
    /// The inputs, one per body parameter, in order.
    package var inputs: [TaskInput] { storage.fields.inputs }
    /// The names of the upstream nodes, one per body parameter, in order.
    package var dependencies: [String] { inputs.map(\.dependency) }
    package var outputType: TypeDescriptor {
        get { storage.fields.outputType }
        set { change { $0.outputType = newValue } }
    }
    package var body: TaskBody {
        get { storage.fields.body }
        set { change { $0.body = newValue } }
    }
    /// The kind of its body, read without copying the body out.
    var bodyKind: TaskBody.Kind { storage.fields.body.kind }
    package var options: TaskOptions {
        get { storage.fields.options }
        set { change { $0.options = newValue } }
    }
    /// Where a mapped task's items come from; `nil` for a plain task.
    package var mapping: MappingSource? {
        get { storage.fields.mapping }
        set { change { $0.mapping = newValue } }
    }
    /// How the task crosses a process boundary; `nil` unless its inputs and output are `Codable`.
    package var codec: (any RemoteCodec.Type)? {
        get { storage.fields.codec }
        set { change { $0.codec = newValue } }
    }
    /// The ``Weave`` type the task was declared in, sent along with it to a worker.
    package var weaveName: String? {
        get { storage.fields.weaveName }
        set { change { $0.weaveName = newValue } }
    }

    package init(
        name: String,
        location: SourceLocation,
        inputs: [TaskInput],
        outputType: TypeDescriptor,
        body: TaskBody,
        mapping: MappingSource? = nil,
        codec: (any RemoteCodec.Type)? = nil
    ) {
        storage = Storage(
            Fields(
                name: name, location: location, inputs: inputs, outputType: outputType, body: body,
                mapping: mapping, codec: codec))
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
