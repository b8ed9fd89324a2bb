import Synchronization

/// One weave run's observers, and the weave's name and id, stamped on every event they get; and,
/// when one of them traces, the weave's span.
package final class WeaveObservation: Sendable {
    private static let weaves = Atomic<UInt64>(0)

    private let observers: [any WeaveObserver]
    private let weave: String
    private let weaveID: UInt64
    /// The weave's span, when an observer traces: the parent of every attempt's span.
    let span: (any WeaveSpan)?

    /// Observation for a run of the weave `weave` with `taskCount` tasks, whose span (if an
    /// observer traces) starts here, as a child of the caller's; `nil` when nobody observes.
    ///
    /// A factory, not a failable initializer: a class's failable initializer allocates the
    /// instance before it can fail, and most weaves are not observed.
    static func make(
        _ observers: [any WeaveObserver], weave: @autoclosure () -> String, taskCount: Int
    ) -> WeaveObservation? {
        observers.isEmpty ? nil : WeaveObservation(observers, weave: weave(), taskCount: taskCount)
    }

    private init(_ observers: [any WeaveObserver], weave: String, taskCount: Int) {
        self.observers = observers
        self.weave = weave
        weaveID = Self.weaves.add(1, ordering: .relaxed).newValue
        var started = WeaveEvent(.weaveStarted, taskCount: taskCount)
        started.weave = self.weave
        started.weaveID = weaveID
        span = observers.firstTracer?.startWeaveSpan(started)
    }

    /// Tells every observer, in order.
    package func emit(_ event: WeaveEvent) {
        let event = stamped(event)
        for observer in observers { observer.observe(event) }
    }

    /// Tells the observers the weave finished, ends its span, and returns once the observers
    /// that report on a thread of their own (``ReportingLater``) have reported it: whatever the
    /// caller prints next comes after.
    func finish(duration: Duration, error: (any Error)?) async {
        emit(WeaveEvent(.weaveFinished, error: error, duration: duration))
        span?.end(error: error)
        for case let observer as any ReportingLater in observers { await observer.reported(weaveID: weaveID) }
    }

    /// `event`, naming this weave and run.
    func stamped(_ event: WeaveEvent) -> WeaveEvent {
        var event = event
        event.weave = weave
        event.weaveID = weaveID
        return event
    }
}

/// An observer that reports a weave's events later, on a thread of its own (``ProgressRenderer``
/// draws its frames and a finished weave's summary that way).
protocol ReportingLater: WeaveObserver {
    /// Returns once the end of the weave `weaveID` is reported.
    func reported(weaveID: UInt64) async
}
