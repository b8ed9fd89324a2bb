extension Array where Element == any WeaveObserver {
    /// The first of these observers that traces: the one that starts spans.
    package var firstTracer: (any WeaveTracer)? { lazy.compactMap { $0 as? any WeaveTracer }.first }
}

extension Wove {
    /// The tracer among the configuration's observers in force here, if any, read without copying
    /// the rest of the configuration (a worker asks once per run).
    package static var configuredTracer: (any WeaveTracer)? {
        (scopedObservers ?? globalObservers).firstTracer
    }
}
