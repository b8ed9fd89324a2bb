/// Tasks as a forked child runs them: every value between them is JSON, decoded with the
/// task's codec just before its body runs and encoded right after, so initialization values
/// can arrive from the parent without their Swift types.
extension TaskDefinition {
    /// This task with `JSONValue` inputs and output. A mapped task becomes a plain one that runs
    /// its items itself, from `items` or from its source's JSON array.
    func bridgedToJSON(items: [JSONValue]?) throws -> TaskDefinition {
        guard let codec, let body = remoteBody else {
            throw EnvironmentExecutionError(
                payload: RemoteError(
                    kind: "NotDispatchable",
                    message:
                        "Task '\(name)' (\(location)) in the forked process does not have Codable inputs and output.",
                    source: .config),
                taskName: name, environment: "fork")
        }
        let names = dependencies
        var inputs = names
        if let source = mappingSourceName, items == nil { inputs.append(source) }
        let json = TypeDescriptor(JSONValue.self)
        let bridged: TaskBody
        if mapping == nil {
            bridged = Self.bridge(body, codec: codec, names: names)
        } else {
            bridged = Self.bridgeItems(
                body, codec: codec, inputNames: names, items: items,
                workers: options.workers ?? MapRunner.defaultAsyncWorkers)
        }
        var definition = TaskDefinition(
            name: name, location: location, inputs: inputs.map { TaskInput($0, json) }, outputType: json,
            body: bridged)
        definition.options.retries = options.retries
        definition.options.backoff = options.backoff
        definition.options.timeout = options.timeout
        return definition
    }

    private static func object(_ names: [String], _ values: ArraySlice<any Sendable>) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for (name, value) in zip(names, values) { object[name] = value as? JSONValue }
        return object
    }

    private static func bridge(_ body: RemoteBody, codec: any RemoteCodec.Type, names: [String]) -> TaskBody {
        switch body {
        case .sync(let run):
            .sync { arguments in
                let typed = try codec.decodeArguments(object(names, arguments[...]), names: names)
                return try codec.encodeResult(try run(typed))
            }
        case .async(let run):
            .async { arguments in
                let typed = try codec.decodeArguments(object(names, arguments[...]), names: names)
                return try codec.encodeResult(try await run(typed))
            }
        }
    }

    private static func bridgeItems(
        _ body: RemoteBody, codec: any RemoteCodec.Type, inputNames: [String], items declared: [JSONValue]?,
        workers: Int
    ) -> TaskBody {
        let names = ["item"] + inputNames
        return .async { arguments in
            let inputs = object(inputNames, arguments.prefix(inputNames.count))
            let items: [JSONValue]
            if let declared {
                items = declared
            } else if case .array(let source) = arguments.last as? JSONValue {
                items = source
            } else {
                throw CodecError.result("JSON", expected: "an array of items")
            }
            var results = [JSONValue](repeating: .null, count: items.count)
            try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
                var next = 0
                func launch() {
                    var object = inputs
                    object["item"] = items[next]
                    let index = next
                    group.addTask {
                        let typed = try codec.decodeArguments(object, names: names)
                        switch body {
                        case .sync(let run):
                            // On the weave's blocking lane, like any synchronous item.
                            guard let lane = WeaveRun.current?.lane else {
                                return (index, try codec.encodeResult(try run(typed)))
                            }
                            return (index, try codec.encodeResult(try await lane.run { try run(typed) }))
                        case .async(let run): return (index, try codec.encodeResult(try await run(typed)))
                        }
                    }
                    next += 1
                }
                while next < min(max(1, workers), items.count) { launch() }
                while let (index, value) = try await group.next() {
                    results[index] = value
                    if next < items.count { launch() }
                }
            }
            return JSONValue.array(results)
        }
    }
}
