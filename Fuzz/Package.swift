// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Mupic's parsers of untrusted input, kept out of the main package so
// `swift build` and `swift test` never see them. Build and run with scripts/fuzz.sh:
// `swift build -Xswiftc -sanitize=fuzzer,address`. Each target's main.swift hands
// LLVMFuzzerTestOneInput to libFuzzer's driver (SwiftPM names an executable's entry point
// `<target>_main`, so libFuzzer's own `main` cannot be used). The targets use `@testable
// import`, which debug builds allow, to reach the internal parsers without widening any API.

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "MupicFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The identity of a path dependency is its folder's name, which differs between
        // worktrees and CI clones; the explicit name keeps `package: "Mupic"` stable.
        .package(name: "Mupic", path: ".."),
        // The same requirements as Mupic's own, for the request types the form target builds.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzExif",
            dependencies: [
                "FuzzSupport", .product(name: "MupicVision", package: "Mupic"), .product(name: "MupicCore", package: "Mupic"),
            ],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzCatalog",
            dependencies: ["FuzzSupport", .product(name: "MupicCatalog", package: "Mupic")],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzTokenizer",
            dependencies: ["FuzzSupport", .product(name: "MupicML", package: "Mupic")],
            swiftSettings: strictSwift),
        .executableTarget(
            name: "FuzzUploadForm",
            dependencies: [
                "FuzzSupport", .product(name: "MupicWeb", package: "Mupic"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSwift),
    ],
    swiftLanguageModes: [.v6]
)
