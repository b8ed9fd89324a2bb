/// The body of a mapped task, as the DSL builds it: typed items and typed results stay inside
/// closures, so the runtime never boxes an item.
@usableFromInline
package struct MappedBody: Sendable {
    /// Whether each item runs as an async body (else on the blocking pool).
    package let isAsync: Bool
    /// Sets up one run: from the mapping source's value (`nil` for a local collection) and the
    /// task's other arguments, in `after:` order.
    package let prepare:
        @Sendable (_ source: (any Sendable)?, _ arguments: [any Sendable]) throws -> MappedRun

    package init(
        isAsync: Bool,
        prepare:
            @escaping @Sendable (_ source: (any Sendable)?, _ arguments: [any Sendable]) throws -> MappedRun
    ) {
        self.isAsync = isAsync
        self.prepare = prepare
    }

    /// How the items run in another process; set for tasks whose items, inputs and output are
    /// `Codable`.
    package var remote: RemoteMapping?
}

/// Sends one item's arguments (the element, then the task's inputs) to the task's environment
/// and returns its decoded output.
package typealias RemoteItemSend = @Sendable (_ arguments: [any Sendable]) async throws -> any Sendable

/// The two halves of a mapped task that crosses a process boundary one item at a time.
package struct RemoteMapping: Sendable {
    /// Worker side: one item's work, from the element followed by the task's inputs.
    package let item: RemoteBody
    /// Caller side: sets up a run whose items each go through `send`, collecting results in order.
    package let prepare:
        @Sendable (_ source: (any Sendable)?, _ arguments: [any Sendable], _ send: @escaping RemoteItemSend)
            throws -> MappedRun

    /// The items given at declaration (`over:`), as JSON; `nil` when they come from upstream.
    package let localItems: (@Sendable () throws -> [JSONValue])?
    /// Every item's JSON result as the task's typed output (`[Output]`).
    package let decodeResults: @Sendable (_ results: [JSONValue]) throws -> any Sendable

    package init(
        item: RemoteBody,
        localItems: (@Sendable () throws -> [JSONValue])?,
        decodeResults: @escaping @Sendable (_ results: [JSONValue]) throws -> any Sendable,
        prepare:
            @escaping @Sendable (
                _ source: (any Sendable)?, _ arguments: [any Sendable], _ send: @escaping RemoteItemSend
            ) throws -> MappedRun
    ) {
        self.item = item
        self.localItems = localItems
        self.decodeResults = decodeResults
        self.prepare = prepare
    }
}

/// One run of a mapped task over its items, typed inside so results are never boxed per item.
package struct MappedRun: Sendable {
    /// How many items there are.
    package let count: Int
    /// Whether each item runs as an async body (else on the blocking pool).
    let isAsync: Bool
    /// Runs every item with at most `workers` in flight and returns the results in item order
    /// as the task's output (`[Output]`).
    let execute:
        @Sendable (_ workers: Int, _ limitPerMinute: Int?, _ policy: AttemptPolicy, _ run: WeaveRun)
            async throws -> any Sendable

    /// A run of `count` items, each computed by `item` from its index.
    package init<Output: Sendable>(count: Int, item: ItemBody<Output>) {
        self.count = count
        isAsync = item.isAsync
        execute = { workers, limitPerMinute, policy, run in
            try await MapRunner.run(
                item, count: count, workers: workers, limitPerMinute: limitPerMinute, policy: policy, in: run)
        }
    }
}

/// Computes one item's result from its index. The result goes back to the map runner, which
/// stores it only for the attempt that won: a timed-out attempt's late result is dropped.
package enum ItemBody<Output: Sendable>: Sendable {
    case sync(@Sendable (Int) throws -> Output)
    case async(@Sendable (Int) async throws -> Output)

    package var isAsync: Bool {
        switch self {
        case .sync: false
        case .async: true
        }
    }

    /// The item at `index` as a unit of work; a blocking one runs with `run` bound to its thread.
    func work(at index: Int, in run: WeaveRun) -> Work<Output> {
        switch self {
        case .sync(let body): .blocking { try run.bindToThread { try body(index) } }
        case .async(let body): .async { try await body(index) }
        }
    }
}

/// Where a mapped task's items come from.
@usableFromInline
package enum MappingSource: Sendable {
    /// A collection given at declaration (`Task(_:over:)`), with its item count.
    case local(count: Int)
    /// The value of another node (`Task(_:mapping:)`), which must be a sequence of items.
    case upstream(name: String, itemType: TypeDescriptor, acceptsProducer: @Sendable (Any.Type) -> Bool)
}
