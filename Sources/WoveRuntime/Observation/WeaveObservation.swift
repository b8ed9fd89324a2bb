import Synchronization

/// One weave run's observers, and the weave's name and id, stamped on every event they get.
package final class WeaveObservation: Sendable {
    private static let weaves = Atomic<UInt64>(0)

    private let observers: [any WeaveObserver]
    private let weave: String
    private let weaveID: UInt64

    /// Observation for a run of the weave `weave`; `nil` when nobody observes.
    init?(_ observers: [any WeaveObserver], weave: @autoclosure () -> String) {
        guard !observers.isEmpty else { return nil }
        self.observers = observers
        self.weave = weave()
        weaveID = Self.weaves.add(1, ordering: .relaxed).newValue
    }

    /// Tells every observer, in order.
    package func emit(_ event: WeaveEvent) {
        var event = event
        event.weave = weave
        event.weaveID = weaveID
        for observer in observers { observer.observe(event) }
    }
}
