// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Wove",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "WoveDSL", targets: ["WoveDSL"]),
        .library(name: "WoveRuntime", targets: ["WoveRuntime"]),
        .library(name: "WoveHelpers", targets: ["WoveHelpers"]),
    ],
    targets: [
        .target(name: "WoveRuntime", swiftSettings: strictSettings),
        .target(name: "WoveHelpers", dependencies: ["WoveRuntime"], swiftSettings: strictSettings),
        .target(
            name: "WoveDSL", dependencies: ["WoveRuntime", "WoveHelpers"], swiftSettings: strictSettings),
        .executableTarget(
            name: "QuickStart",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/QuickStart",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ReusableWeave",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/ReusableWeave",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "DescribePlan",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/DescribePlan",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "BackgroundRun",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/BackgroundRun",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "StdioWorker",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/StdioWorker",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "CustomExecutor",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/CustomExecutor",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["WoveDSL"],
            path: "Benchmarks",
            exclude: ["python"],
            swiftSettings: strictSettings
        ),
        // A worker process for the stdio tests. As a dependency of WoveDSLTests it is built with
        // the tests, into the same products directory, where the tests find it.
        .executableTarget(
            name: "WoveTestWorker",
            dependencies: ["WoveDSL"],
            path: "Tests/WoveTestWorker",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "WoveRuntimeTests", dependencies: ["WoveRuntime"], swiftSettings: strictSettings),
        .testTarget(
            name: "WoveDSLTests", dependencies: ["WoveDSL", "WoveTestWorker"], swiftSettings: strictSettings),
        .testTarget(name: "WoveHelpersTests", dependencies: ["WoveHelpers"], swiftSettings: strictSettings),
    ]
)
