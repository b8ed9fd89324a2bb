/// Receives a weave's events as they happen: the hook for logging, metrics, tracing and
/// progress.
///
/// Events arrive on whichever thread produced them, sometimes concurrently, so an observer must
/// be thread-safe and quick; it runs inline with the scheduler. Pass observers to one weave with
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
