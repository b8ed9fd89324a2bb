/// What a forked child needs to run a weave: its tasks by name in declaration order, the
/// initialization values they read, as JSON, its limits, and where to write the outcome.
package struct ForkContext: Codable, Sendable {
    /// One task of the forked weave.
    package struct Entry: Codable, Sendable {
        package var name: String
        /// A mapped task's items when they were given at declaration (`over:`), as JSON.
        package var items: [JSONValue]?
    }

    /// The environment variable that points a worker-mode process at its context file.
    package static let environmentVariable = "WOVE_FORK_CONTEXT"

    /// The context file this process was started to run, if it is a forked child.
    package static var requestedPath: String? { ProcessEnvironment.value(of: environmentVariable) }

    package var tasks: [Entry]
    package var data: [String: JSONValue]
    package var maxWorkers: Int?
    package var maxPending: Int?
    /// Where the child writes its ``ForkOutcome``.
    package var outcomePath: String
    /// The parent's process id: the outcome is written only while the parent can still read it.
    package var parentProcessID: Int32
}

/// How a forked weave ended, as the child writes it for the parent to read.
package struct ForkOutcome: Codable, Sendable {
    /// Each successful task's value, as JSON.
    package var values: [String: JSONValue] = [:]
    /// Each failed task's error.
    package var errors: [String: RemoteError] = [:]
    /// The tasks cancelled or never started.
    package var cancelled: [String] = []
    /// Each finished task's duration, in seconds.
    package var timings: [String: Double] = [:]

    package init() {}
}
