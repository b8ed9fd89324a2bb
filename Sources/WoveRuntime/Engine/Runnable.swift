/// What the scheduler needs to run one task, prepared once per compiled graph.
package struct Runnable: Sendable {
    package let name: String
    package let location: SourceLocation
    package let body: TaskBody
    package let policy: AttemptPolicy
    package let workers: Int?
    package let limitPerMinute: Int?
    /// Whether a mapped task's items come from an upstream node (passed as the last argument).
    package let mapsUpstream: Bool

    init(_ definition: TaskDefinition) {
        name = definition.name
        location = definition.location
        body = definition.body
        var policy = AttemptPolicy(taskName: definition.name, location: definition.location)
        policy.retries = definition.options.retries ?? 0
        policy.backoff = definition.options.backoff ?? .immediate
        policy.timeout = definition.options.timeout
        self.policy = policy
        workers = definition.options.workers
        limitPerMinute = definition.options.limitPerMinute
        mapsUpstream = definition.mappingSourceName != nil
    }
}
