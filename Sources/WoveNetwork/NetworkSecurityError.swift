#if HTTP || WebSocket || GRPC || Backends
    /// A request that failed verification; its description is the exact reason, as Python wove
    /// words it.
    public struct NetworkSecurityError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Why the request was refused.
        public enum Reason: Sendable, Hashable {
            case missingHeaders, invalidKey, invalidTimestamp, expired, invalidSignature, replayed
            case invalidBearerToken
            /// The verifier remembers as many nonces as it may; it refuses rather than check less.
            case tooManyNonces
        }

        /// Why the request was refused.
        public let reason: Reason

        /// An error for `reason`.
        public init(_ reason: Reason) { self.reason = reason }

        /// Whether the request lacked credentials altogether (HTTP 401) rather than carried wrong
        /// ones (403).
        public var isMissingCredentials: Bool { reason == .missingHeaders }

        /// The reason, in Python wove's words.
        public var description: String {
            switch reason {
            case .missingHeaders: "Missing Wove network executor signature headers."
            case .invalidKey: "Invalid Wove network executor key."
            case .invalidTimestamp: "Invalid Wove network executor timestamp."
            case .expired: "Expired Wove network executor signature."
            case .invalidSignature: "Invalid Wove network executor signature."
            case .replayed: "Replayed Wove network executor signature."
            case .invalidBearerToken: "Invalid Wove network executor bearer token."
            case .tooManyNonces: "Too many recent Wove network executor signatures to check for replay."
            }
        }
    }
#endif
