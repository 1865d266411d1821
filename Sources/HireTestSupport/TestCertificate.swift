import Crypto
import Foundation
import HireHTTP
import SwiftASN1
import X509

/// A self-signed certificate for `localhost`, made in Swift, with its key, as PEM files, for
/// tests of HTTPS: the server serves it, clients trust it as their CA file.
package struct TestCertificate: Sendable {
    /// The certificate (PEM): the server's chain, and the CA file clients trust.
    package let certificateFile: String
    /// The private key (PEM).
    package let keyFile: String

    /// Makes a certificate valid from an hour ago for a day, for the DNS name `localhost`, and
    /// writes it and its key into `directory`.
    package static func make(in directory: URL) throws -> TestCertificate {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("localhost") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                KeyUsage(digitalSignature: true, keyCertSign: true)
                SubjectAlternativeNames([.dnsName("localhost")])
            },
            issuerPrivateKey: Certificate.PrivateKey(key))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificateFile = directory.appendingPathComponent("cert.pem").path
        let keyFile = directory.appendingPathComponent("key.pem").path
        try Data(try certificate.serializeAsPEM().pemString.utf8).write(to: URL(fileURLWithPath: certificateFile))
        try Data(key.pemRepresentation.utf8).write(to: URL(fileURLWithPath: keyFile))
        return TestCertificate(certificateFile: certificateFile, keyFile: keyFile)
    }

    /// The server's TLS settings for this certificate.
    package func serverTLS() throws -> ServerTLS {
        try ServerTLS(certificateFile: certificateFile, keyFile: keyFile)
    }
}
