/// How long a task waits before each retry.
///
/// Retries are immediate unless a backoff is given:
///
/// ```swift
/// Task("fetch") { try await api.fetch() }
///     .retries(3, backoff: .exponential(initial: .milliseconds(100)))
/// ```
public struct RetryBackoff: Sendable, Hashable {
    private enum Shape: Hashable {
        case immediate
        case fixed(Duration)
        case exponential(initial: Duration, multiplier: Double, maximum: Duration, jitter: Bool)
    }

    private let shape: Shape

    /// Retry at once (the default).
    public static let immediate = RetryBackoff(shape: .immediate)

    /// Wait the same `delay` before every retry.
    public static func fixed(_ delay: Duration) -> RetryBackoff {
        RetryBackoff(shape: .fixed(max(delay, .zero)))
    }

    /// Wait `initial`, then `multiplier` times longer before each further retry, never more than
    /// `maximum`; with `jitter`, each wait is drawn uniformly between zero and that value
    /// ("full jitter"), which spreads out clients retrying together.
    public static func exponential(
        initial: Duration,
        multiplier: Double = 2,
        maximum: Duration = .seconds(30),
        jitter: Bool = true
    ) -> RetryBackoff {
        RetryBackoff(
            shape: .exponential(
                initial: max(initial, .zero), multiplier: max(multiplier, 1), maximum: max(maximum, .zero),
                jitter: jitter))
    }

    /// The wait before retry number `retry` (1 for the first retry).
    package func delay(beforeRetry retry: Int) -> Duration {
        switch shape {
        case .immediate:
            return .zero
        case .fixed(let delay):
            return delay
        case .exponential(let initial, let multiplier, let maximum, let jitter):
            let growth = (0..<max(retry - 1, 0)).reduce(1.0) { factor, _ in min(factor * multiplier, 1e9) }
            let capped = min(initial * growth, maximum)
            return jitter ? capped * Double.random(in: 0...1) : capped
        }
    }
}
