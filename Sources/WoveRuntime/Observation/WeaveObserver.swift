/// Receives a weave's events as they happen: the hook for logging, metrics, tracing and
/// progress.
///
/// Events arrive on whichever thread produced them, sometimes concurrently, so an observer must
/// be thread-safe and quick, and must not block: it runs inline with the scheduler, often on a
/// thread of Swift's cooperative pool. Hand slow work (writing to a terminal, say) to a thread or
/// task of its own, as ``ProgressRenderer`` does. Pass observers to one weave with
/// `.observer(…)`, or to every weave with ``WoveConfiguration/observers``.
///
/// ```swift
/// struct PrintingObserver: WeaveObserver {
///     func observe(_ event: WeaveEvent) { print(event) }
/// }
/// try await weave(options: .observer(PrintingObserver())) { … }
/// ```
public protocol WeaveObserver: Sendable {
    /// Called once per event.
    func observe(_ event: WeaveEvent)
}
