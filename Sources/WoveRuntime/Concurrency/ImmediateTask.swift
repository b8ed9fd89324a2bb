/// Starts `operation` in a new task that runs on the calling thread until its first suspension
/// (`Task.immediate`, where the platform has it), so handing work to a task of its own costs no
/// wake of another thread; where it does not, a task started the usual way.
package func startImmediately(_ operation: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
    if #available(macOS 26.0, *) {
        return Task.immediate(operation: operation)
    }
    return Task(operation: operation)
}
