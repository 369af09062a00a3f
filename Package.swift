// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Tests read more easily without the import rules that keep the production targets' API tidy.
let testSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Quorum",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quorum", targets: ["QuorumCLI"]),
        .executable(name: "quorum-bench", targets: ["QuorumBench"]),
        .library(name: "QuorumDomain", targets: ["QuorumDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "QuorumDomain", swiftSettings: upcoming),
        .target(
            name: "QuorumIngest",
            dependencies: ["QuorumDomain", .product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: upcoming),
        // What a store of Quorum's records must do, in the domain's terms, without GRDB: the web and the CLI depend on
        // this, and a PostgreSQL store would implement it as `SQLiteStore` does.
        .target(name: "QuorumStorage", dependencies: ["QuorumDomain", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: upcoming),
        .target(
            name: "QuorumPersistence",
            dependencies: [
                "QuorumDomain", "QuorumStorage", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own functions, to read a row's values straight from its statement (RowReader).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "QuorumWeb",
            dependencies: [
                "QuorumDomain", "QuorumStorage", "QuorumIngest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Assets")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "QuorumCLI",
            dependencies: [
                "QuorumDomain", "QuorumStorage", "QuorumPersistence", "QuorumIngest", "QuorumWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("ExampleData")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "QuorumBench",
            dependencies: [
                "QuorumDomain", "QuorumStorage", "QuorumPersistence", "QuorumIngest", "QuorumTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "QuorumTestSupport",
            dependencies: ["QuorumDomain", "QuorumStorage", "QuorumPersistence", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "QuorumDomainTests",
            dependencies: ["QuorumDomain", "QuorumTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "QuorumPersistenceTests",
            dependencies: [
                "QuorumDomain", "QuorumStorage", "QuorumPersistence", "QuorumTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "QuorumIngestTests",
            dependencies: [
                "QuorumDomain", "QuorumIngest", "QuorumTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "QuorumWebTests",
            dependencies: [
                "QuorumDomain", "QuorumStorage", "QuorumPersistence", "QuorumIngest", "QuorumWeb", "QuorumTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: testSettings
        ),
        .testTarget(
            name: "QuorumCLITests",
            dependencies: ["QuorumCLI", "QuorumStorage", "QuorumWeb", "QuorumTestSupport"],
            swiftSettings: testSettings
        ),
    ]
)
