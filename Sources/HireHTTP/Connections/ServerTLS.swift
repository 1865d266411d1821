import Foundation
import NIOSSL

/// The certificate chain and private key `hire-server` serves HTTPS with.
package struct ServerTLS: Sendable {
    /// The server's TLS settings, for Hummingbird's `TLSChannel`.
    package let configuration: TLSConfiguration

    /// Reads a PEM certificate chain (the server's certificate first) and its PEM private key.
    /// - Throws: ``ServerTLSError`` naming the file that cannot be read or parsed.
    package init(certificateFile: String, keyFile: String) throws(ServerTLSError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(Self.contents(of: certificateFile, "certificate")))
        } catch let error as ServerTLSError {
            throw error
        } catch {
            throw ServerTLSError("the TLS certificate file \(certificateFile) is not a PEM certificate (\(error))")
        }
        guard !chain.isEmpty else {
            throw ServerTLSError("the TLS certificate file \(certificateFile) holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: Array(Self.contents(of: keyFile, "key")), format: .pem)
        } catch let error as ServerTLSError {
            throw error
        } catch {
            throw ServerTLSError("the TLS key file \(keyFile) is not a PEM private key (\(error))")
        }
        configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    private static func contents(of path: String, _ what: String) throws(ServerTLSError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ServerTLSError("cannot read the TLS \(what) file \(path): \(error.localizedDescription)")
        }
    }
}

/// A TLS certificate or key file that cannot be used.
package struct ServerTLSError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
