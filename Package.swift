// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Baken",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "baken", targets: ["baken"]),
        .library(name: "BakenCore", targets: ["BakenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "BakenMarkdown", dependencies: ["CCMarkGFM", "CBakenIO"]),
        .target(name: "CBakenIO"),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "BakenSearch", dependencies: ["BakenMarkdown", "CStemmer"]),
        .target(
            name: "BakenCore",
            dependencies: [
                "BakenMarkdown",
                "CBakenIO",
                "CBrotli",
                "CDeflate",
                "CZlib",
                "CQRencode",
                "BakenSearch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "BakenServe",
            dependencies: [
                "BakenCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "baken",
            dependencies: [
                "BakenCore",
                "BakenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BakenMarkdownTests", dependencies: ["BakenMarkdown"]),
        .testTarget(name: "BakenCoreTests", dependencies: ["BakenCore", "CBrotli"]),
        .testTarget(name: "BakenServeTests", dependencies: ["BakenServe"]),
        .testTarget(name: "BakenSearchTests", dependencies: ["BakenSearch"]),
    ],
    swiftLanguageModes: [.v6]
)
