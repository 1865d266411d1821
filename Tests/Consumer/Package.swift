// swift-tools-version:6.2
// A package that uses the `Feishu` library as a user's package would: it depends on this
// repository by path and writes the code people write around SDK calls (`catch let e as
// FeishuError`, `catch … where`, `try?`, task groups, `for try await` over the pager).
// scripts/consumer-check builds it and runs it against a hire-server with the demo data.
import Foundation
import PackageDescription

// A package depended on by path is known by its folder's name, which a clone may choose.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../..").standardizedFileURL.lastPathComponent.lowercased()

let package = Package(
    name: "feishu-consumer",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(name: "FeishuConsumer", dependencies: [.product(name: "Feishu", package: repository)])
    ]
)
