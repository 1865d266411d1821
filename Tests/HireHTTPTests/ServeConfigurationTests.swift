import HireCore
import HireHTTP
import HireServerKit
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
