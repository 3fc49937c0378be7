// swift-tools-version:6.2
// Lede — a news-extraction microservice. Targets follow the layering in DEVELOPERS.md:
// LedeCore (pure NLP) and LedeHTTP (generic server) never import each other; LedeService wires them.
import PackageDescription

/// Swift 6 language mode everywhere, plus `ExistentialAny` so every existential is spelled `any P`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedeCore", targets: ["LedeCore"]),
        .library(name: "LedeHTTP", targets: ["LedeHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The extraction core: Document model, cleaning, segmentation, models. No I/O beyond reading its own resources.
        .target(
            name: "LedeCore",
            resources: [.copy("Resources")],
            // Optimised in debug builds too: the test suite runs the real models (tens of MB to load and
            // checksum, every token tagged and parsed), which unoptimised code makes ~20× slower.
            swiftSettings: strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // A minimal HTTP/1.1 server on POSIX sockets + Dispatch. Knows nothing about NLP or JSON.
        .target(
            name: "LedeHTTP",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // C libraries behind system-library shims; only LedeFetch, LedeHTML and LedeService import them.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Fetching pages with libcurl: limits, redirects, and the SSRF guard.
        .target(
            name: "LedeFetch",
            dependencies: ["CCurl"],
            swiftSettings: strictSettings
        ),
        // HTML → article text and metadata with libxml2.
        .target(
            name: "LedeHTML",
            dependencies: ["CLibXML2"],
            swiftSettings: strictSettings
        ),
        // Routes, JSON API, configuration and metrics: wires the core and the server.
        .target(
            name: "LedeService",
            dependencies: [
                "LedeCore", "LedeHTTP", "LedeFetch", "LedeHTML", "CZlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeCore", "LedeService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Test-only helpers shared by the test targets (JSON Schema validation, fixtures).
        .target(
            name: "LedeTestSupport",
            path: "Tests/LedeTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore", "LedeTestSupport"], swiftSettings: strictSettings),
        // Runs the built `lede` binary as a user would: flags, exit codes, stdout/stderr.
        .testTarget(name: "LedeCLITests", dependencies: ["lede", "LedeTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "LedeHTTPTests", dependencies: ["LedeHTTP", "LedeTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "LedeFetchTests", dependencies: ["LedeFetch", "LedeHTTP"], swiftSettings: strictSettings),
        .testTarget(name: "LedeHTMLTests", dependencies: ["LedeHTML", "LedeTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "LedeServiceTests", dependencies: ["LedeService", "LedeHTTP", "LedeCore", "LedeTestSupport"], swiftSettings: strictSettings),
    ]
)
