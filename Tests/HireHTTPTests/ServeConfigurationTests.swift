import HireCore
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

    @Test func unusableSettingsAreRefused() {
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(environment: ["HIRE_PORT": "http"]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(port: 70000, environment: [:]) }
        #expect(throws: ConfigurationError.self) { try ServeConfiguration(rateLimit: "lots", environment: [:]) }
    }
}
