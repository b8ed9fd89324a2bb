#if HTTP || WebSocket || GRPC || Backends
    public import WoveRuntime
    import Crypto
    public import Foundation

    /// How network executors and worker services authenticate each other: nothing, an HMAC-SHA256
    /// signature over each request (`signed`), or a bearer token, byte for byte as Python wove
    /// 2.0.3 does, so either side may be Python.
    ///
    /// A signed request carries `X-Wove-Key`, `X-Wove-Timestamp` (unix seconds), `X-Wove-Nonce`
    /// (24 random URL-safe characters) and `X-Wove-Signature: v1=<hex HMAC-SHA256>` over the
    /// canonical string
    ///
    /// ```text
    /// wove-v1
    /// <transport: http | grpc | websocket>
    /// <target: the URL path and query, or the gRPC method>
    /// <timestamp>
    /// <nonce>
    /// <hex SHA-256 of the exact body>
    /// ```
    ///
    /// A verifier checks, in this order: the headers are present, the key is ours, the timestamp is
    /// a number within ``clockSkew`` of now, the signature matches (in constant time), and the nonce
    /// has not been seen in the last ``clockSkew`` (when ``remembersNonces``). The nonce memory is
    /// pruned as timestamps age and bounded by ``maximumRememberedNonces``: past it, requests are
    /// refused rather than checked less. One instance remembers its own nonces, so a service
    /// verifies with one instance.
    public final class NetworkExecutorSecurity: Sendable {
        /// What the security checks.
        public enum Mode: String, Sendable, CaseIterable {
            /// Nothing: every request is accepted.
            case none
            /// An HMAC-SHA256 signature with a shared secret.
            case signed
            /// An `Authorization: Bearer <token>` header.
            case bearer
        }

        /// What the security checks.
        public let mode: Mode
        /// The key name sent as `X-Wove-Key` and expected back.
        public let key: String
        /// How far a timestamp may be from now.
        public let clockSkew: Duration
        /// Whether replayed nonces are refused.
        public let remembersNonces: Bool
        /// The most nonces remembered at once.
        public let maximumRememberedNonces: Int
        private let secret: [UInt8]?
        private let token: String?
        private let now: @Sendable () -> Double
        private let nonces: LockedValue<NonceMemory>

        /// Security of the given mode.
        ///
        /// - Parameters:
        ///   - mode: What to check.
        ///   - secret: The shared secret, for `signed`: its bytes are used as they are.
        ///   - key: The key name (default `default`).
        ///   - token: The bearer token, for `bearer`.
        ///   - clockSkew: How far a timestamp may be from now (default 300 s).
        ///   - remembersNonces: Whether a verifier refuses a nonce it has seen (default `true`).
        ///   - maximumRememberedNonces: The most nonces remembered at once (default 100,000).
        ///   - now: The current unix time, in seconds; tests pin it.
        /// - Throws: `WeaveError` with code `invalidConfiguration` when `signed` has no secret or
        ///   `bearer` no token.
        public init(
            mode: Mode = .none,
            secret: [UInt8]? = nil,
            key: String = "default",
            token: String? = nil,
            clockSkew: Duration = .seconds(300),
            remembersNonces: Bool = true,
            maximumRememberedNonces: Int = 100_000,
            now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
        ) throws(WeaveError) {
            switch mode {
            case .signed where secret == nil:
                throw WeaveError(.invalidConfiguration, "signed network executor security requires a secret.")
            case .bearer where token == nil:
                throw WeaveError(.invalidConfiguration, "bearer network executor security requires a token.")
            default: break
            }
            self.mode = mode
            self.secret = secret
            self.key = key
            self.token = token
            self.clockSkew = clockSkew
            self.remembersNonces = remembersNonces
            self.maximumRememberedNonces = max(1, maximumRememberedNonces)
            self.now = now
            nonces = LockedValue(NonceMemory())
        }

        /// No security.
        public static func none() -> NetworkExecutorSecurity {
            // A `none` security has nothing to check, so it cannot throw.
            (try? NetworkExecutorSecurity(mode: .none)) ?? NetworkExecutorSecurity(unchecked: ())
        }

        private init(unchecked: Void) {
            mode = .none
            secret = nil
            key = "default"
            token = nil
            clockSkew = .seconds(300)
            remembersNonces = false
            maximumRememberedNonces = 1
            now = { Date().timeIntervalSince1970 }
            nonces = LockedValue(NonceMemory())
        }

        // MARK: - Signing

        /// The headers to send with a request of `transport` to `target` carrying `body`: none,
        /// `Authorization`, or the four `X-Wove-*` headers.
        public func headers(transport: NetworkTransport, target: String, body: [UInt8]) -> [(String, String)]
        {
            switch mode {
            case .none: return []
            case .bearer: return [("Authorization", "Bearer \(token ?? "")")]
            case .signed:
                let timestamp = String(Int(now()))
                let nonce = Self.makeNonce()
                let signature = sign(
                    transport: transport, target: target, timestamp: timestamp, nonce: nonce, body: body)
                return [
                    ("X-Wove-Key", key), ("X-Wove-Timestamp", timestamp), ("X-Wove-Nonce", nonce),
                    ("X-Wove-Signature", signature),
                ]
            }
        }

        /// The headers as gRPC metadata: the same pairs with lower-case names.
        public func metadata(transport: NetworkTransport, target: String, body: [UInt8]) -> [(String, String)]
        {
            headers(transport: transport, target: target, body: body).map { ($0.0.lowercased(), $0.1) }
        }

        /// `v1=` and the hex HMAC-SHA256 of the canonical string.
        func sign(
            transport: NetworkTransport, target: String, timestamp: String, nonce: String, body: [UInt8]
        )
            -> String
        {
            let canonical = Self.canonical(
                transport: transport, target: target, timestamp: timestamp, nonce: nonce, body: body)
            let code = HMAC<SHA256>.authenticationCode(
                for: Array(canonical.utf8), using: SymmetricKey(data: secret ?? []))
            return "v1=" + Self.hex(code)
        }

        /// The string a signature covers.
        static func canonical(
            transport: NetworkTransport, target: String, timestamp: String, nonce: String, body: [UInt8]
        ) -> String {
            ["wove-v1", transport.rawValue, target, timestamp, nonce, hex(SHA256.hash(data: body))]
                .joined(separator: "\n")
        }

        /// 18 random bytes as 24 URL-safe base64 characters.
        private static func makeNonce() -> String {
            let bytes = SymmetricKey(size: SymmetricKeySize(bitCount: 144)).withUnsafeBytes { Data($0) }
            return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
        }

        static func hex(_ bytes: some Sequence<UInt8>) -> String {
            bytes.map {
                String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
            }
            .joined()
        }

        // MARK: - Verifying

        /// Checks the headers of a request of `transport` to `target` carrying `body`; names are
        /// matched without regard to case.
        ///
        /// - Throws: ``NetworkSecurityError`` with the exact reason, in the documented order.
        public func verify(
            headers: [(String, String)], transport: NetworkTransport, target: String, body: [UInt8]
        ) throws(NetworkSecurityError) {
            func header(_ name: String) -> String? {
                headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
            }
            switch mode {
            case .none:
                return
            case .bearer:
                let expected = SHA256.hash(data: Array("Bearer \(token ?? "")".utf8))
                let given = SHA256.hash(data: Array((header("authorization") ?? "").utf8))
                // Digest equality compares in constant time.
                guard header("authorization") != nil, expected == given else {
                    throw NetworkSecurityError(.invalidBearerToken)
                }
            case .signed:
                guard let timestamp = header("x-wove-timestamp"), let nonce = header("x-wove-nonce"),
                    let signature = header("x-wove-signature"), let givenKey = header("x-wove-key")
                else { throw NetworkSecurityError(.missingHeaders) }
                guard givenKey == key else { throw NetworkSecurityError(.invalidKey) }
                guard let seconds = Double(timestamp.trimmingCharacters(in: .whitespaces)), seconds.isFinite
                else {
                    throw NetworkSecurityError(.invalidTimestamp)
                }
                let current = now()
                guard abs(current - seconds) <= clockSkew.seconds else {
                    throw NetworkSecurityError(.expired)
                }
                guard
                    matches(
                        signature, transport: transport, target: target, timestamp: timestamp, nonce: nonce,
                        body: body)
                else { throw NetworkSecurityError(.invalidSignature) }
                if remembersNonces { try remember(nonce, at: seconds, now: current) }
            }
        }

        /// Whether `signature` is ours for this request, compared in constant time.
        private func matches(
            _ signature: String, transport: NetworkTransport, target: String, timestamp: String,
            nonce: String,
            body: [UInt8]
        ) -> Bool {
            guard let secret, signature.hasPrefix("v1="),
                let code = Self.bytes(fromHex: signature.dropFirst(3))
            else {
                return false
            }
            let canonical = Self.canonical(
                transport: transport, target: target, timestamp: timestamp, nonce: nonce, body: body)
            return HMAC<SHA256>.isValidAuthenticationCode(
                code, authenticating: Array(canonical.utf8), using: SymmetricKey(data: secret))
        }

        private func remember(_ nonce: String, at timestamp: Double, now current: Double)
            throws(NetworkSecurityError)
        {
            let window = clockSkew.seconds
            let limit = maximumRememberedNonces
            try nonces.withLock { memory throws(NetworkSecurityError) in
                memory.prune(olderThan: current - window)
                guard !memory.contains(nonce) else { throw NetworkSecurityError(.replayed) }
                guard memory.count < limit else { throw NetworkSecurityError(.tooManyNonces) }
                memory.insert(nonce, at: timestamp)
            }
        }

        private static func bytes(fromHex text: Substring) -> [UInt8]? {
            guard text.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count / 2)
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
    }

    /// The transports a signature can be bound to.
    public enum NetworkTransport: String, Sendable {
        case http, grpc, websocket
    }
#endif
