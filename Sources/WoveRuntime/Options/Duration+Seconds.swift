extension Duration {
    /// The most seconds Wove turns into a duration: about 31 years. Larger numbers, and
    /// non-finite ones, come only from a mistake or a hostile peer, and converting them would trap.
    package static let maximumSeconds: Double = 1e9

    /// `seconds` as a duration, or `nil` unless it is finite and no more than
    /// ``maximumSeconds`` either way; checking the sign is left to the caller.
    package init?(checkedSeconds seconds: Double) {
        guard seconds.isFinite, abs(seconds) <= Self.maximumSeconds else { return nil }
        self = .seconds(seconds)
    }
}
