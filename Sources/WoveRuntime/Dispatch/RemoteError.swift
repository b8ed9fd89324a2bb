/// A task error in transportable form: the `error` object of a `task_error` frame.
public struct RemoteError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where an error came from: one of the four wove defines, or whatever else a peer sent,
    /// kept as it came. New sources may be added in minor releases, so a `switch` over sources
    /// needs a `default` branch.
    public struct Source: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The name in the frame, e.g. `transport`.
        public let rawValue: String

        /// The source a frame names `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The task's own body threw.
        public static let task = Source(rawValue: "task")
        /// The executor failed to run it.
        public static let executor = Source(rawValue: "executor")
        /// The connection to the worker failed.
        public static let transport = Source(rawValue: "transport")
        /// The worker could not find or decode the task (an unknown name, undecodable arguments).
        public static let config = Source(rawValue: "config")

        /// Decodes the string a frame carries.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        /// Encodes the name as a string.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        /// The name, e.g. `transport`.
        public var description: String { rawValue }
    }

    /// The error's type name, e.g. `ValueError` or `MyApp.NotFound`.
    public var kind: String
    /// A human-readable message.
    public var message: String
    /// Where it was thrown, when the worker knows.
    public var traceback: String?
    /// Whether trying again could succeed.
    public var retryable: Bool
    /// Where the error came from.
    public var source: Source

    /// A payload with the given fields.
    public init(
        kind: String, message: String, traceback: String? = nil, retryable: Bool = false, source: Source
    ) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        self.retryable = retryable
        self.source = source
    }

    /// The payload for a Swift error thrown by a task body.
    public init(_ error: any Error, source: Source = .task) {
        self.init(
            kind: String(reflecting: type(of: error)), message: String(describing: error), source: source)
    }

    /// `kind: message (source)`.
    public var description: String { "\(kind): \(message) (\(source.rawValue))" }
}
