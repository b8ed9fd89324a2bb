#if HTTP || WebSocket || GRPC || Backends
    package import NIOSSL

    /// What a worker service proves itself with over TLS: its certificate chain and private key,
    /// as PEM. Every transport reads the same identity (`WorkerServiceSettings.tls`).
    public struct ServerTLSIdentity: Sendable {
        /// The certificate chain, the service's own certificate first, as PEM.
        public var certificateChainPEM: [UInt8]
        /// The certificate's private key, as PEM.
        public var privateKeyPEM: [UInt8]

        /// The identity of a chain and key, both PEM.
        public init(certificateChainPEM: [UInt8], privateKeyPEM: [UInt8]) {
            self.certificateChainPEM = certificateChainPEM
            self.privateKeyPEM = privateKeyPEM
        }

        /// The NIOSSL server configuration that presents this identity.
        package func serverConfiguration() throws -> TLSConfiguration {
            let chain = try NIOSSLCertificate.fromPEMBytes(certificateChainPEM).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(bytes: privateKeyPEM, format: .pem)
            return TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(key))
        }
    }
#endif
