/// A configuration's observers, equal to another list only if it came from the same assignment
/// (observers themselves cannot be compared), or if both are empty.
struct ObserverList: Sendable, Equatable {
    let observers: [any WeaveObserver]
    private let identity: Identity?

    /// Marks one assignment.
    private final class Identity: Sendable {}

    init(_ observers: [any WeaveObserver]) {
        self.observers = observers
        identity = observers.isEmpty ? nil : Identity()
    }

    static func == (lhs: ObserverList, rhs: ObserverList) -> Bool { lhs.identity === rhs.identity }
}
