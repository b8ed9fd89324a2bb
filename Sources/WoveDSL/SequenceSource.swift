/// Reads a mapped task's source: the plan-time check, and the run-time conversion to an array.
enum SequenceSource {
    /// The mapping description the graph compiler checks: the producer must be a sequence of `Element`.
    static func mapping<Element>(_ source: Dependency<[Element]>, of _: Element.Type) -> MappingSource {
        .upstream(
            name: source.name, itemType: TypeDescriptor(Element.self),
            acceptsProducer: { $0 is any Sequence<Element>.Type })
    }

    /// The source value's elements, or a clear error if it is not a sequence of `Element`.
    static func elements<Element>(
        of value: (any Sendable)?,
        as _: Element.Type,
        for task: TaskSignature,
        from source: Dependency<[Element]>
    ) throws(WeaveError) -> [Element] {
        if let array = value as? [Element] { return array }
        if let sequence = value as? any Sequence<Element> { return Array(sequence) }
        let received = value.map { String(reflecting: type(of: $0)) } ?? "nothing"
        throw WeaveError(
            .notASequence,
            "Task '\(task.name)' (\(task.location)) maps over '\(source.name)', whose value of type \(received) "
                + "is not a sequence of \(String(reflecting: Element.self)).",
            task: task.name, at: task.location)
    }
}
