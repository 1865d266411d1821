import Foundation
import HireCore
import HireHTTP
import HireServerKit
import HireTestSupport
import Testing

@Suite("serve: flags, then environment, then defaults")
struct ServeConfigurationTests {
    @Test func defaultsBindToLoopbackWithThePlatformsLimits() throws {
        let configuration = try ServeConfiguration(environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.rateLimit == .platform)
        #expect(configuration.dataFiles.isEmpty)
        #expect(configuration.loadsDemo)
    }

    @Test func theEnvironmentFillsWhatFlagsLeaveOut() throws {
        let environment = [
            "HIRE_HOST": "0.0.0.0", "HIRE_PORT": "9000", "HIRE_RATE_LIMIT": "off",
            "HIRE_DATA": "a.json,b.jsonl", "HIRE_NO_DEMO": "1",
        ]
        let fromEnvironment = try ServeConfiguration(environment: environment)
        #expect(fromEnvironment.host == "0.0.0.0" && fromEnvironment.port == 9000)
        #expect(fromEnvironment.rateLimit == nil)
        #expect(fromEnvironment.dataFiles == ["a.json", "b.jsonl"])
        #expect(!fromEnvironment.loadsDemo)
        let flags = try ServeConfiguration(
            host: "::1", port: 0, rateLimit: "10/s", dataFiles: ["c.json"], environment: environment)
        #expect(flags.host == "::1" && flags.port == 0)
        #expect(flags.rateLimit == RateLimitPolicy(perSecond: 10, perMinute: .max))
        #expect(flags.dataFiles == ["c.json"])
    }

    @Test func theShutdownGraceComesFromTheFlagThenTheEnvironment() throws {
        #expect(try ServeConfiguration(environment: [:]).shutdownGrace == .seconds(30))
        #expect(try ServeConfiguration(environment: ["HIRE_SHUTDOWN_GRACE": "2.5"]).shutdownGrace == .milliseconds(2500))
        #expect(try ServeConfiguration(shutdownGrace: "0", environment: ["HIRE_SHUTDOWN_GRACE": "9"]).shutdownGrace == .zero)
        for bad in ["soon", "-1", "3601", "nan", "inf", "10s"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try ServeConfiguration(shutdownGrace: bad, environment: [:]) }
            #expect(throws: ConfigurationError.self, "\(bad)") {
                try ServeConfiguration(environment: ["HIRE_SHUTDOWN_GRACE": bad])
            }
        }
    }

    @Test func metricsAreOnUnlessTurnedOff() throws {
        #expect(try ServeConfiguration(environment: [:]).metrics)
        #expect(try !ServeConfiguration(environment: ["HIRE_METRICS": "off"]).metrics)
        #expect(try ServeConfiguration(metrics: "ON", environment: ["HIRE_METRICS": "off"]).metrics)
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(metrics: "no", environment: [:]) }
    }

    @Test func unusableSettingsAreRefused() {
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(environment: ["HIRE_PORT": "http"]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(port: 70000, environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(rateLimit: "lots", environment: [:]) }
    }

    @Test func theAdminAPIIsOnlyOnWhenAskedOrForTheBareDemo() throws {
        #expect(try ServeConfiguration(environment: [:]).admin == nil)
        let bare = try ServeConfiguration(bare: true, environment: ["HIRE_LOG_LEVEL": "debug", "PATH": "/bin"])
        #expect(bare.adminTokenGenerated && (bare.adminToken?.count ?? 0) >= 32)
        #expect(try ServeConfiguration(bare: true, environment: [:]).adminToken != bare.adminToken)
        // Any other setting means the server is configured, not the bare demo.
        #expect(try ServeConfiguration(bare: true, environment: ["HIRE_PORT": "9000"]).admin == nil)
        let given = try ServeConfiguration(environment: ["HIRE_ADMIN_TOKEN": "from-the-env", "HIRE_JOURNAL_SIZE": "5"])
        #expect(given.admin?.token == "from-the-env" && given.admin?.journalSize == 5 && !given.adminTokenGenerated)
        #expect(try ServeConfiguration(adminToken: "from-a-flag", journalSize: 0, environment: given.environmentForTests).admin
            == .init(token: "from-a-flag", journalSize: 0))
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(adminToken: "short", environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(environment: ["HIRE_JOURNAL_SIZE": "many"]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(adminToken: "long-enough", journalSize: -1, environment: [:]) }
    }
}

extension ServeConfiguration {
    fileprivate var environmentForTests: [String: String] {
        ["HIRE_ADMIN_TOKEN": adminToken ?? "", "HIRE_JOURNAL_SIZE": String(journalSize)]
    }
}

@Suite("serve: connection limits")
struct ServeConnectionLimitTests {
    @Test func defaultsAreTenSecondsSixtySecondsAnd4096() throws {
        let limits = try ServeConfiguration(environment: [:]).connections
        #expect(limits == ConnectionLimits(readTimeout: .seconds(10), idleTimeout: .seconds(60), maxConnections: 4096))
    }

    @Test func flagsWinOverTheEnvironment() throws {
        let environment = ["HIRE_READ_TIMEOUT": "2.5", "HIRE_IDLE_TIMEOUT": "30", "HIRE_MAX_CONNECTIONS": "100"]
        #expect(try ServeConfiguration(environment: environment).connections
            == ConnectionLimits(readTimeout: .milliseconds(2500), idleTimeout: .seconds(30), maxConnections: 100))
        let flags = try ServeConfiguration(readTimeout: "1", idleTimeout: "0.5", maxConnections: "7", environment: environment)
        #expect(flags.connections == ConnectionLimits(readTimeout: .seconds(1), idleTimeout: .milliseconds(500), maxConnections: 7))
    }

    @Test func badValuesAreRefusedWithTheirName() {
        let refused: [(read: String?, idle: String?, max: String?, environment: [String: String])] = [
            ("ten", nil, nil, [:]), ("0", nil, nil, [:]), (nil, "-1", nil, [:]), (nil, "inf", nil, [:]),
            (nil, nil, "0", [:]), (nil, nil, "lots", [:]), (nil, nil, nil, ["HIRE_MAX_CONNECTIONS": "-5"]),
            (nil, nil, nil, ["HIRE_READ_TIMEOUT": "soon"]),
        ]
        for bad in refused {
            #expect(throws: ConfigurationError.self) {
                try ServeConfiguration(
                    readTimeout: bad.read, idleTimeout: bad.idle, maxConnections: bad.max, environment: bad.environment)
            }
        }
        #expect(throws: ConfigurationError("--max-connections / HIRE_MAX_CONNECTIONS must be a number from 1 to 1000000, got \"0\"")) {
            try ServeConfiguration(maxConnections: "0", environment: [:])
        }
    }
}

@Suite("serve: TLS files")
struct ServeTLSConfigurationTests {
    @Test func bothFilesOrNeither() throws {
        #expect(try ServeConfiguration(environment: [:]).scheme == "http")
        #expect(try ServeConfiguration(environment: [:]).serverTLS() == nil)
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(tlsCertificate: "cert.pem", environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(environment: ["HIRE_TLS_KEY": "key.pem"]) }
        let both = try ServeConfiguration(environment: ["HIRE_TLS_CERT": "c.pem", "HIRE_TLS_KEY": "k.pem"])
        #expect(both.tlsCertificateFile == "c.pem" && both.tlsKeyFile == "k.pem" && both.scheme == "https")
    }

    @Test func unreadableOrUnparsableFilesAreNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = try TestCertificate.make(in: directory)
        let good = try ServeConfiguration(tlsCertificate: certificate.certificateFile, tlsKey: certificate.keyFile, environment: [:])
        #expect(try good.serverTLS() != nil)

        let missing = try ServeConfiguration(tlsCertificate: "/nonexistent/cert.pem", tlsKey: certificate.keyFile, environment: [:])
        let missingError = #expect(throws: ConfigurationError.self) { try missing.serverTLS() }
        #expect(missingError?.description.contains("cannot read the TLS certificate file /nonexistent/cert.pem") == true)

        let garbage = directory.appendingPathComponent("garbage.pem").path
        try Data("not a certificate".utf8).write(to: URL(fileURLWithPath: garbage))
        let badCertificate = try ServeConfiguration(tlsCertificate: garbage, tlsKey: certificate.keyFile, environment: [:])
        let certificateError = #expect(throws: ConfigurationError.self) { try badCertificate.serverTLS() }
        #expect(certificateError?.description.contains("garbage.pem") == true)
        // The certificate given as the key.
        let badKey = try ServeConfiguration(
            tlsCertificate: certificate.certificateFile, tlsKey: certificate.certificateFile, environment: [:])
        let keyError = #expect(throws: ConfigurationError.self) { try badKey.serverTLS() }
        #expect(keyError?.description.contains("is not a PEM private key") == true)
    }
}
