internal import WoveRuntime

/// Wraps a synchronous function as an async one that runs it on a blocking-pool thread.
///
/// Inside a running weave the function runs on that weave's pool, within its `maxWorkers`;
/// elsewhere on Wove's shared pool, within its process-wide cap. Either way it never blocks
/// Swift's cooperative pool.
///
/// ```swift
/// let readFile = syncToAsync { (path: String) throws in try String(contentsOfFile: path) }
/// let text = try await readFile("/etc/hostname")
/// ```
///
/// - Parameter function: The blocking function.
/// - Returns: An async function with the same parameters and result.
public func syncToAsync<each Argument: Sendable, Result: Sendable>(
    _ function: @escaping @Sendable (repeat each Argument) throws -> Result
) -> @Sendable (repeat each Argument) async throws -> Result {
    { (argument: repeat each Argument) in
        let arguments = (repeat each argument)
        let lane = WeaveRun.current?.lane ?? .unscoped
        return try await lane.run { try function(repeat each arguments) }
    }
}
