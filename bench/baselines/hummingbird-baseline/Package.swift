// swift-tools-version:6.2
// Benchmark baseline only — never a product dependency. The same two routes as `lede serve`
// (GET /healthz and POST /v1/extract running Lede's own extraction core), served by Hummingbird 2,
// so `make bench-http` compares the servers under identical work.
import PackageDescription

let package = Package(
    name: "HummingbirdBaseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(name: "Lede", path: "../../.."),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdBaseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "LedeCore", package: "Lede"),
            ]
        ),
    ]
)
