// swift-tools-version: 6.0
// A libFuzzer target over Baken's front matter, Markdown and link rewriting. Not part of the tests:
// scripts/fuzz.sh builds it with -sanitize=fuzzer,address and runs it for a bounded time.
import Foundation
import PackageDescription

// The repository is a package by path; its identity is the folder's name, whatever the checkout calls it.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "BakenFuzz",
    dependencies: [.package(path: repository.path)],
    targets: [
        .executableTarget(
            name: "baken-fuzz",
            dependencies: [.product(name: "BakenCore", package: repository.lastPathComponent)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
