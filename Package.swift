// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Mupic",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mupic", targets: ["mupic"]),
        .library(name: "MupicCore", targets: ["MupicCore"]),
        .library(name: "MupicML", targets: ["MupicML"]),
        .library(name: "MupicCatalog", targets: ["MupicCatalog"]),
        .library(name: "MupicStore", targets: ["MupicStore"]),
        .library(name: "MupicIndex", targets: ["MupicIndex"]),
        .library(name: "MupicVision", targets: ["MupicVision"]),
        .library(name: "MupicVisionChat", targets: ["MupicVisionChat"]),
        .library(name: "MupicShare", targets: ["MupicShare"]),
        .library(name: "MupicApp", targets: ["MupicApp"]),
        .library(name: "MupicWeb", targets: ["MupicWeb"]),
        .library(name: "MupicListen", targets: ["MupicListen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "CVipsShim",
            dependencies: ["CVips"]
        ),
        .target(
            name: "MupicVision",
            dependencies: [
                "MupicCore", "MupicML", "CVipsShim",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.process("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicVisionChat",
            dependencies: [
                "MupicCore", "MupicVision",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicShare",
            dependencies: ["MupicCore", "MupicVision", "MupicListen", "CVipsShim", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicApp",
            dependencies: [
                "MupicCore", "MupicML", "MupicStore", "MupicIndex", "MupicVision", "MupicVisionChat", "MupicShare",
                "MupicListen",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            resources: [.process("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicCore",
            resources: [.process("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicML",
            dependencies: ["COpenBLAS", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicCatalog",
            dependencies: ["MupicCore"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicStore",
            dependencies: [
                "MupicCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicIndex",
            dependencies: ["MupicCore", "COpenBLAS"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicListen",
            dependencies: [
                "MupicCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.process("Resources")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "MupicWeb",
            dependencies: [
                "MupicCore", "MupicStore", "MupicVision", "MupicShare", "MupicListen", "MupicApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "mupic",
            dependencies: [
                "MupicCore", "MupicML", "MupicCatalog", "MupicStore", "MupicIndex", "MupicVision", "MupicVisionChat",
                "MupicShare", "MupicListen", "MupicApp", "MupicWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "MupicCoreTests", dependencies: ["MupicCore"], swiftSettings: strictSwift),
        .testTarget(
            name: "MupicMLTests", dependencies: ["MupicML", "MupicTestSupport"], resources: [.copy("Fixtures")],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicCatalogTests", dependencies: ["MupicCatalog", "MupicCore"],
            swiftSettings: strictSwift),
        .testTarget(name: "MupicStoreTests", dependencies: ["MupicStore", "MupicCore"], swiftSettings: strictSwift),
        .target(name: "MupicTestSupport", path: "Tests/MupicTestSupport", swiftSettings: strictSwift),
        .target(
            name: "MupicListenTestSupport",
            dependencies: [
                "MupicListen", "MupicCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/MupicListenTestSupport",
            resources: [.copy("Fixtures")],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicListenTests",
            dependencies: ["MupicListen", "MupicCore", "MupicListenTestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicWebTests",
            dependencies: [
                "MupicWeb", "MupicApp", "MupicCore", "MupicStore", "MupicIndex", "MupicVision", "MupicShare", "MupicTestSupport",
                "MupicListen", "MupicListenTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicVisionTests", dependencies: ["MupicVision", "MupicCore", "MupicTestSupport"], swiftSettings: strictSwift),
        .testTarget(
            name: "MupicVisionChatTests",
            dependencies: [
                "MupicVisionChat", "MupicVision", "MupicCore", "MupicTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicImageModelTests", dependencies: ["MupicVision", "MupicML", "MupicTestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicShareTests", dependencies: ["MupicShare", "MupicVision", "MupicCore", "MupicTestSupport"],
            swiftSettings: strictSwift),
        .testTarget(
            name: "MupicAppTests",
            dependencies: ["MupicApp", "MupicVision", "MupicVisionChat", "MupicCore", "MupicTestSupport"],
            swiftSettings: strictSwift),
        .testTarget(name: "MupicIndexTests", dependencies: ["MupicIndex", "MupicCore"], swiftSettings: strictSwift),
    ],
    swiftLanguageModes: [.v6]
)
