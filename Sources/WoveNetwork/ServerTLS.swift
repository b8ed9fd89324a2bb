#if HTTP || WebSocket || GRPC
    public import NIOSSL

    /// The TLS configuration of a worker service.
    public enum ServerTLS {
        /// Serves the certificate chain in `certificateChainPEM` (the service's certificate first)
        /// with the private key in `privateKeyPEM`.
        public static func configuration(certificateChainPEM: [UInt8], privateKeyPEM: [UInt8]) throws
            -> TLSConfiguration
        {
            let chain = try NIOSSLCertificate.fromPEMBytes(certificateChainPEM).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(bytes: privateKeyPEM, format: .pem)
            return TLSConfiguration.makeServerConfiguration(
                certificateChain: chain, privateKey: .privateKey(key))
        }
    }
#endif
