/// The error thrown by the collection helpers when a size or count argument is invalid.
///
/// Match on ``code`` to tell the failures apart; ``message`` is the human-readable text and
/// ``value`` is the offending argument.
///
/// ```swift
/// do {
///     _ = try fold([1, 2, 3], size: 0)
/// } catch {
///     print(error.code == .invalidFoldSize)  // true
///     print(error.message)  // "fold(_:size:) needs a positive size; got 0."
/// }
/// ```
public struct HelperError: Error, CustomStringConvertible, Sendable {
    /// Identifies which helper rejected its argument.
    ///
    /// An open set of codes: switch over it with a `default` case, because new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidFoldSize
            case invalidBatchCount
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// ``fold(_:size:)`` was given a size of zero or less.
        public static var invalidFoldSize: Code { Code(.invalidFoldSize) }

        /// ``batch(_:count:)`` was given a count of zero or less for a non-empty input.
        public static var invalidBatchCount: Code { Code(.invalidBatchCount) }

        /// The code's name, for example `invalidFoldSize`.
        public var description: String {
            switch base {
            case .invalidFoldSize: "invalidFoldSize"
            case .invalidBatchCount: "invalidBatchCount"
            }
        }
    }

    /// Which helper failed.
    public let code: Code

    /// A human-readable explanation, including the rejected value.
    public let message: String

    /// The rejected size or count.
    public let value: Int

    /// The same text as ``message``.
    public var description: String { message }

    private init(code: Code, message: String, value: Int) {
        self.code = code
        self.message = message
        self.value = value
    }

    /// The error for a non-positive ``fold(_:size:)`` size.
    static func invalidFoldSize(_ size: Int) -> HelperError {
        HelperError(
            code: .invalidFoldSize,
            message: "fold(_:size:) needs a positive size; got \(size).",
            value: size
        )
    }

    /// The error for a non-positive ``batch(_:count:)`` count.
    static func invalidBatchCount(_ count: Int) -> HelperError {
        HelperError(
            code: .invalidBatchCount,
            message: "batch(_:count:) needs a positive count; got \(count).",
            value: count
        )
    }
}
