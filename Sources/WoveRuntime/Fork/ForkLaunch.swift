#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A weave continuing in a detached child process: its process id, its result, which arrives
/// when the child exits (if this process is still there to see it), and a way to stop it.
package final class ForkedRun: Sendable {
    package let processID: Int32
    /// Whether the child has exited and whether it was cancelled. `exited` is set before the
    /// child is reaped, and ``cancel()`` signals only under the same lock while it is unset, so a
    /// signal can reach the child or its zombie, never a process that reused the pid.
    private let state = LockedValue((exited: false, cancelled: false))
    private let outcome: @Sendable (_ exitStatus: Int32?, _ cancelled: Bool) -> WoveResult

    fileprivate init(
        processID: Int32, outcome: @escaping @Sendable (_ exitStatus: Int32?, _ cancelled: Bool) -> WoveResult
    ) {
        self.processID = processID
        self.outcome = outcome
    }

    /// The result, once the child has exited.
    package func result() async -> WoveResult {
        let state = self.state
        let status = await DetachedProcess.exitStatus(of: processID) {
            state.withLock { $0.exited = true }
        }
        return outcome(status, state.withLock { $0.cancelled })
    }

    /// Sends the child `SIGTERM`, unless it has already exited; its tasks without an outcome
    /// then count as cancelled.
    package func cancel() {
        state.withLock { state in
            state.cancelled = true
            if !state.exited { kill(processID, SIGTERM) }
        }
    }
}

extension PreparedWeave {
    /// Starts this weave in a detached child process of the same executable, which looks its
    /// tasks up by name (it must call the worker-mode entry point with the same declarations).
    ///
    /// Every task must be able to cross a process boundary (`Codable` inputs and output) and
    /// every initialization value a task reads must be `Encodable`; otherwise this throws
    /// ``MissingDispatchFeatureError`` naming the culprit, and nothing starts.
    package func fork(executable: String? = nil) throws -> ForkedRun {
        if executable == nil { try WorkerMode.checkCanStartSelf() }
        let directory = FileManager.default.temporaryDirectory
        let token = UUID().uuidString
        let contextFile = directory.appendingPathComponent("wove-fork-\(token).json")
        let outcomeFile = directory.appendingPathComponent("wove-fork-\(token).outcome.json")
        let context = ForkContext(
            tasks: try forkEntries(), data: try forkData(), maxWorkers: options.maxWorkers,
            maxPending: options.maxPending, outcomePath: outcomeFile.path,
            parentProcessID: ProcessInfo.processInfo.processIdentifier)
        let program = executable ?? StdioConfiguration.currentExecutable
        let pid: Int32
        do {
            // The context holds initialization values: readable by this user only.
            guard
                FileManager.default.createFile(
                    atPath: contextFile.path, contents: try JSONEncoder().encode(context),
                    attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
            pid = try DetachedProcess.spawn(
                program,
                environment: [WorkerMode.variable: "1", ForkContext.environmentVariable: contextFile.path])
        } catch {
            try? FileManager.default.removeItem(at: contextFile)
            throw WeaveError(.cannotStartProcess, "Could not fork the weave into '\(program)': \(error)")
        }
        return ForkedRun(processID: pid) { status, cancelled in
            defer {
                try? FileManager.default.removeItem(at: outcomeFile)
                try? FileManager.default.removeItem(at: contextFile)
            }
            let outcome = try? JSONDecoder().decode(ForkOutcome.self, from: Data(contentsOf: outcomeFile))
            return result(from: outcome, exit: status, cancelled: cancelled, program: program)
        }
    }

    private func forkEntries() throws -> [ForkContext.Entry] {
        try graph.taskIndices.compactMap { index in
            guard let definition = graph.definition(at: index) else { return nil }
            try definition.checkRemoteArgumentNames()
            guard definition.codec != nil, definition.remoteBody != nil else {
                throw MissingDispatchFeatureError(
                    reason:
                        "Task '\(definition.name)' (\(definition.location)) cannot continue in a forked process: its "
                        + "inputs and output must all be Codable.",
                    taskName: definition.name, location: definition.location)
            }
            var items: [JSONValue]?
            if case .mapped(let mapped) = definition.body { items = try mapped.remote?.localItems?() }
            return ForkContext.Entry(name: definition.name, items: items)
        }
    }

    /// The initialization values the tasks read, as JSON.
    private func forkData() throws -> [String: JSONValue] {
        var read = Set<Int>()
        for index in graph.taskIndices { read.formUnion(graph.dependencies[index]) }
        var json: [String: JSONValue] = [:]
        for index in read.sorted() where index < graph.taskIndices.lowerBound {
            let name = graph.nodes[index].name
            guard let value = data[name] as? any Encodable, let encoded = try? JSONValue(encoding: value)
            else {
                throw MissingDispatchFeatureError(
                    reason:
                        "Initialization value '\(name)' is not Encodable, so the weave cannot continue in a "
                        + "forked process.")
            }
            json[name] = encoded
        }
        return json
    }

    /// The parent's view of the child's outcome, with values decoded to their declared types.
    private func result(from outcome: ForkOutcome?, exit status: Int32?, cancelled: Bool, program: String)
        -> WoveResult
    {
        let records = NodeRecords(seeding: graph, data: data)
        var firstError: (any Error)?
        for index in graph.taskIndices {
            guard let definition = graph.definition(at: index) else { continue }
            let name = definition.name
            records[index].outcome =
                outcome == nil && cancelled
                ? .cancelled : Self.outcome(of: definition, in: outcome, exit: status, program: program)
            records[index].duration = outcome?.timings[name].flatMap { Duration(checkedSeconds: $0) }
            if firstError == nil, case .failure(let error) = records[index].outcome { firstError = error }
        }
        return WoveResult(
            graph: graph, records: records, error: firstError, errorMode: .return)
    }

    private static func outcome(
        of definition: TaskDefinition, in outcome: ForkOutcome?, exit status: Int32?, program: String
    ) -> NodeOutcome {
        let name = definition.name
        func failure(_ payload: RemoteError) -> NodeOutcome {
            .failure(EnvironmentExecutionError(payload: payload, taskName: name, environment: "fork"))
        }
        guard let outcome else {
            return failure(
                RemoteError(
                    kind: "ForkedProcessFailed",
                    message: "The forked process '\(program)' \(DetachedProcess.describe(status)) without "
                        + "reporting an outcome.", source: .executor))
        }
        if let error = outcome.errors[name] { return failure(error) }
        if outcome.cancelled.contains(name) { return .cancelled }
        guard let json = outcome.values[name] else {
            return failure(
                RemoteError(kind: "MissingResult", message: "No result for '\(name)'.", source: .executor))
        }
        do {
            if case .mapped(let mapped) = definition.body, let remote = mapped.remote {
                guard case .array(let items) = json else {
                    throw CodecError.result("JSON", expected: "an array")
                }
                return .value(try remote.decodeResults(items))
            }
            guard let codec = definition.codec else { throw CodecError.result("JSON", expected: "Codable") }
            return .value(try codec.decodeResult(json))
        } catch {
            return failure(RemoteError(error, source: .executor))
        }
    }
}
