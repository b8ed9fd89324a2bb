/// A ``WeaveObserver`` that also carries a weave's trace: a span per weave, a child span per task
/// attempt, current while the attempt's body runs, and the attempt's context sent along with the
/// runs it makes in other processes, where a worker's tracer continues it.
///
/// Wove's core knows no tracing API; `WoveTracing`'s `WeaveTracing` implements this protocol
/// with swift-distributed-tracing. Pass a tracer as any observer (`.observer(…)`, or
/// ``WoveConfiguration/observers``), and to a worker that should continue the caller's traces.
/// Only the first tracer among a weave's observers starts spans; any others are plain observers.
public protocol WeaveTracer: WeaveObserver {
    /// Starts the span of a weave, given its ``WeaveEvent/Kind/weaveStarted`` event, as a child of
    /// whatever span is current where the weave was called.
    func startWeaveSpan(_ started: WeaveEvent) -> any WeaveSpan

    /// Starts the span of a run a worker serves, given its task and run, as a child of the
    /// caller's span that `context` carries (a root span when it carries none).
    func startRemoteRunSpan(task: String, runID: String, context: TraceContext?) -> any WeaveSpan
}

extension WeaveTracer {
    /// Does nothing: a tracer learns what it needs from its spans.
    public func observe(_ event: WeaveEvent) {}
}

/// A span of a weave's trace, started by a ``WeaveTracer``.
public protocol WeaveSpan: Sendable {
    /// Starts a child span: one attempt of a task, or of one item of a mapped task, given its
    /// ``WeaveEvent/Kind/attemptStarted`` event.
    func startAttemptSpan(_ started: WeaveEvent) -> any WeaveSpan

    /// The span's context, to send with a run another process makes for it; `nil` if there is
    /// nothing to send.
    var context: TraceContext? { get }

    /// Runs `body` with this span current, so spans `body` starts are its children.
    func withCurrent<T>(_ body: () throws -> T) rethrows -> T

    /// Runs `body` with this span current, so spans `body` starts are its children.
    func withCurrent<T>(_ body: () async throws -> T) async rethrows -> T

    /// Ends the span, recording `error` if what it measured failed.
    func end(error: (any Error)?)
}
