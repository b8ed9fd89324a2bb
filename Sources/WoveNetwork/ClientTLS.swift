#if HTTP || WebSocket || GRPC || Backends
    package import NIOSSL

    /// The TLS configuration of a network executor's client.
    package enum ClientTLS {
        /// Verifies the server against the system's roots, or only against `trustRootsPEM`'s.
        package static func configuration(trustingOnly trustRootsPEM: [UInt8]?) throws -> TLSConfiguration {
            var tls = TLSConfiguration.makeClientConfiguration()
            if let trustRootsPEM {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(trustRootsPEM))
            }
            return tls
        }
    }
#endif
