import ArgumentParser
import Foundation
import HireServerKit
import Logging
import Synchronization
import Testing

@Suite struct JSONLogTests {
    @Test func aRecordIsOneLineOfJSONWithNestedMetadata() throws {
        let line = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 1_700_000_000.25), level: .info, label: "hire-server",
            message: "said \"hi\"\nthen\u{01} left \\",
            metadata: [
                "log_id": "20231114221320ABCDEF", "status": .stringConvertible(200), "duration_ms": .stringConvertible(1.5),
                "ok": .stringConvertible(true), "path": "/open-apis/é",
                "nested": .dictionary(["list": .array(["a", .stringConvertible(2)])]),
            ])
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2023-11-14T22:13:20.250Z")
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "hire-server")
        #expect(object["message"] as? String == "said \"hi\"\nthen\u{01} left \\")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["log_id"] as? String == "20231114221320ABCDEF")
        #expect(metadata["status"] as? Int == 200)
        #expect(metadata["duration_ms"] as? Double == 1.5)
        #expect(metadata["ok"] as? Bool == true)
        #expect(metadata["path"] as? String == "/open-apis/é")
        let nested = try #require(metadata["nested"] as? [String: Any])
        #expect((nested["list"] as? [Any])?.count == 2)
        #expect((nested["list"] as? [Any])?.last as? Int == 2)
    }

    @Test func theHandlerMergesLoggerMetadataAndHonoursTheLevel() throws {
        let lines = Mutex<[String]>([])
        var handler = JSONLogHandler(label: "test") { line in lines.withLock { $0.append(line) } }
        handler.logLevel = .info
        var logger = Logger(label: "test") { _ in handler }
        logger[metadataKey: "log_id"] = "L1"
        logger.debug("hidden")
        logger.info("request", metadata: ["operation": "healthz", "code": .stringConvertible(0)])
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["log_id"] as? String == "L1" && metadata["operation"] as? String == "healthz")
        #expect(metadata["code"] as? Int == 0)
    }

    @Test func theLogFormatFlagIsParsedAndValidated() throws {
        #expect(throws: (any Error).self) { try HireServerCommand.parseAsRoot(["serve", "--log-format", "xml"]) }
        do {
            _ = try HireServerCommand.parseAsRoot(["serve", "--log-format", "xml"])
        } catch {
            #expect(HireServerCommand.message(for: error).contains("invalid log format \"xml\""))
        }
        for command in [["serve"], ["import", "x.json"], ["export"]] {
            _ = try HireServerCommand.parseAsRoot(command + ["--log-format", "json"])
            _ = try HireServerCommand.parseAsRoot(command + ["--log-format", "TEXT"])
        }
    }
}
