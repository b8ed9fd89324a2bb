#if HTTP || WebSocket || GRPC
    import Crypto
    import Foundation
    import SwiftASN1
    import X509

    /// A self-signed certificate for `localhost` and 127.0.0.1, made at test time.
    struct TestCertificate {
        let certificatePEM: [UInt8]
        let privateKeyPEM: [UInt8]

        init() throws {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName { CommonName("Wove test") }
            let now = Date()
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(3600),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    SubjectAlternativeNames([
                        .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    ])
                },
                issuerPrivateKey: .init(key))
            certificatePEM = Array(try certificate.serializeAsPEM().pemString.utf8)
            privateKeyPEM = Array(key.pemRepresentation.utf8)
        }
    }
#endif
