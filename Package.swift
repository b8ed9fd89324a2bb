// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Each integration is its own target behind a non-default trait, so a build that does not ask
/// for it compiles an empty module and fetches none of its dependencies.
func whenTraits(_ traits: String...) -> TargetDependencyCondition? { .when(traits: Set(traits)) }

/// `product` of `package`, only when the `HTTP` trait is on.
func http(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: whenTraits("HTTP"))
}

/// `product` of `package`, only when the `WebSocket` trait is on.
func webSocket(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: whenTraits("WebSocket"))
}

/// `product` of `package`, only when the `GRPC` trait is on.
func grpc(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: whenTraits("GRPC"))
}

/// `product` of `package`, when any network transport's trait is on, or the backends' (whose
/// callback server is a network service too).
func network(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: whenTraits("HTTP", "WebSocket", "GRPC", "Backends"))
}

/// `product` of `package`, only when `trait` is on.
func on(_ trait: String, _ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: whenTraits(trait))
}

/// `product` of `package`, only when the `Backends` trait is on (`Slurm` and `Ray` turn it on).
func backends(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: whenTraits("Backends"))
}

let package = Package(
    name: "Wove",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "WoveDSL", targets: ["WoveDSL"]),
        .library(name: "WoveRuntime", targets: ["WoveRuntime"]),
        .library(name: "WoveHelpers", targets: ["WoveHelpers"]),
        .library(name: "WoveHTTP", targets: ["WoveHTTP"]),
        .library(name: "WoveWebSocket", targets: ["WoveWebSocket"]),
        .library(name: "WoveGRPC", targets: ["WoveGRPC"]),
        .library(name: "WoveBackends", targets: ["WoveBackends"]),
        .library(name: "WoveSlurm", targets: ["WoveSlurm"]),
        .library(name: "WoveRay", targets: ["WoveRay"]),
        .library(name: "WoveLogging", targets: ["WoveLogging"]),
        .library(name: "WoveMetrics", targets: ["WoveMetrics"]),
        .library(name: "WoveTracing", targets: ["WoveTracing"]),
    ],
    traits: [
        .trait(
            name: "HTTP",
            description:
                "The http and https executors (AsyncHTTPClient) and the HTTP worker service (Hummingbird)."),
        .trait(
            name: "WebSocket",
            description:
                "The websocket executor (WSClient) and the WebSocket worker service (hummingbird-websocket)."),
        .trait(
            name: "GRPC",
            description: "The grpc executor and the gRPC worker service (grpc-swift-2 over HTTP/2)."),
        .trait(
            name: "Backends",
            description:
                "Cluster scheduler support: the BackendAdapter protocol, its executor and callback server "
                + "(Hummingbird), and the backend worker mode of WoveWorker.runIfRequested()."),
        .trait(
            name: "Slurm", description: "The slurm executor: tasks run as Slurm jobs (sbatch, scancel).",
            enabledTraits: ["Backends"]),
        .trait(
            name: "Ray", description: "The ray executor: tasks run as Ray jobs (the Jobs REST API).",
            enabledTraits: ["Backends"]),
        .trait(
            name: "Logging",
            description: "WeaveLogger: a weave's events as swift-log records, with structured metadata."),
        .trait(
            name: "Metrics",
            description:
                "WeaveMetrics: runs, failures, retries, durations and in-flight work in swift-metrics."),
        .trait(
            name: "Tracing",
            description:
                "WeaveTracing: spans per weave and task attempt in swift-distributed-tracing, continued by workers."
        ),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    ],
    targets: [
        .target(name: "WoveRuntime", swiftSettings: strictSettings),
        .target(name: "WoveHelpers", dependencies: ["WoveRuntime"], swiftSettings: strictSettings),
        .target(
            name: "WoveDSL", dependencies: ["WoveRuntime", "WoveHelpers"], swiftSettings: strictSettings),
        // Shared by every network transport: request signing, the security gate, the settings
        // every network executor has, and what every worker service does with a frame.
        .target(
            name: "WoveNetwork",
            dependencies: [
                "WoveRuntime", "WoveDSL",
                network("Crypto", "swift-crypto"),
                network("NIOSSL", "swift-nio-ssl"),
                network("Logging", "swift-log"),
                network("ServiceLifecycle", "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveHTTP",
            dependencies: [
                "WoveDSL", "WoveNetwork",
                http("AsyncHTTPClient", "async-http-client"),
                http("Hummingbird", "hummingbird"),
                http("HummingbirdCore", "hummingbird"),
                http("HummingbirdTLS", "hummingbird"),
                http("HTTPTypes", "swift-http-types"),
                http("NIOCore", "swift-nio"),
                http("NIOSSL", "swift-nio-ssl"),
                http("ServiceLifecycle", "swift-service-lifecycle"),
                http("Logging", "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveWebSocket",
            dependencies: [
                "WoveDSL", "WoveNetwork",
                webSocket("WSClient", "swift-websocket"),
                webSocket("HummingbirdWebSocket", "hummingbird-websocket"),
                webSocket("Hummingbird", "hummingbird"),
                webSocket("HummingbirdCore", "hummingbird"),
                webSocket("HummingbirdTLS", "hummingbird"),
                webSocket("HTTPTypes", "swift-http-types"),
                webSocket("NIOCore", "swift-nio"),
                webSocket("NIOSSL", "swift-nio-ssl"),
                webSocket("ServiceLifecycle", "swift-service-lifecycle"),
                webSocket("Logging", "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveGRPC",
            dependencies: [
                "WoveDSL", "WoveNetwork",
                grpc("GRPCCore", "grpc-swift-2"),
                grpc("GRPCNIOTransportHTTP2", "grpc-swift-nio-transport"),
                grpc("NIOSSL", "swift-nio-ssl"),
                grpc("ServiceLifecycle", "swift-service-lifecycle"),
                grpc("Logging", "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Shared by every cluster scheduler: the adapter protocol, the executor that submits
        // jobs and hears back from them, the callback server, and the worker side of a job.
        .target(
            name: "WoveBackends",
            dependencies: [
                "WoveDSL", "WoveNetwork",
                backends("AsyncHTTPClient", "async-http-client"),
                backends("Hummingbird", "hummingbird"),
                backends("HTTPTypes", "swift-http-types"),
                backends("NIOCore", "swift-nio"),
                backends("ServiceLifecycle", "swift-service-lifecycle"),
                backends("Logging", "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveSlurm",
            dependencies: ["WoveDSL", "WoveBackends"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveRay",
            dependencies: [
                "WoveDSL", "WoveBackends",
                backends("AsyncHTTPClient", "async-http-client"),
                backends("NIOCore", "swift-nio"),
                backends("NIOHTTP1", "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveLogging",
            dependencies: ["WoveDSL", on("Logging", "Logging", "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveMetrics",
            dependencies: ["WoveDSL", on("Metrics", "CoreMetrics", "swift-metrics")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WoveTracing",
            dependencies: ["WoveDSL", on("Tracing", "Tracing", "swift-distributed-tracing")],
            swiftSettings: strictSettings
        ),
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
            name: "Progress",
            dependencies: ["WoveDSL"],
            path: "Playgrounds-linux/Progress",
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
            name: "NetworkWorker",
            dependencies: [
                "WoveDSL",
                .target(name: "WoveHTTP", condition: whenTraits("HTTP")),
                .target(name: "WoveWebSocket", condition: whenTraits("WebSocket")),
                .target(name: "WoveGRPC", condition: whenTraits("GRPC")),
                network("ServiceLifecycle", "swift-service-lifecycle"),
                network("Logging", "swift-log"),
            ],
            path: "Playgrounds-linux/NetworkWorker",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "CustomBackend",
            dependencies: ["WoveDSL", .target(name: "WoveBackends", condition: whenTraits("Backends"))],
            path: "Playgrounds-linux/CustomBackend",
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
            dependencies: [
                "WoveDSL",
                .target(name: "WoveHTTP", condition: whenTraits("HTTP")),
                .target(name: "WoveWebSocket", condition: whenTraits("WebSocket")),
                .target(name: "WoveGRPC", condition: whenTraits("GRPC")),
                .target(name: "WoveSlurm", condition: whenTraits("Slurm")),
                .target(name: "WoveRay", condition: whenTraits("Ray")),
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client",
                    condition: whenTraits("HTTP", "Backends")),
                grpc("GRPCCore", "grpc-swift-2"),
                grpc("GRPCNIOTransportHTTP2", "grpc-swift-nio-transport"),
                webSocket("WSClient", "swift-websocket"),
                webSocket("HummingbirdWebSocket", "hummingbird-websocket"),
                network("Hummingbird", "hummingbird"),
                network("ServiceLifecycle", "swift-service-lifecycle"),
                network("Logging", "swift-log"),
                network("NIOCore", "swift-nio"),
            ],
            path: "Benchmarks",
            exclude: ["python"],
            swiftSettings: strictSettings
        ),
        // A worker process for the stdio tests. As a dependency of WoveDSLTests it is built with
        // the tests, into the same products directory, where the tests find it.
        .executableTarget(
            name: "WoveTestWorker",
            dependencies: [
                "WoveDSL", .target(name: "WoveBackends", condition: whenTraits("Backends")),
                .target(name: "WoveTracing", condition: whenTraits("Tracing")),
                on("Tracing", "InMemoryTracing", "swift-distributed-tracing"),
            ],
            path: "Tests/WoveTestWorker",
            swiftSettings: strictSettings
        ),
        // What several test targets share: running blocking work on a thread of its own.
        .target(
            name: "WoveTestSupport", dependencies: ["WoveRuntime"], path: "Tests/WoveTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "WoveRuntimeTests", dependencies: ["WoveRuntime", "WoveTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "WoveDSLTests", dependencies: ["WoveDSL", "WoveTestWorker", "WoveTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(name: "WoveHelpersTests", dependencies: ["WoveHelpers"], swiftSettings: strictSettings),
        .testTarget(
            name: "WoveObservabilityTests",
            dependencies: [
                "WoveDSL", "WoveLogging", "WoveMetrics", "WoveTracing", "WoveTestWorker",
                on("Logging", "InMemoryLogging", "swift-log"),
                on("Metrics", "MetricsTestKit", "swift-metrics"),
                on("Tracing", "InMemoryTracing", "swift-distributed-tracing"),
                on("Tracing", "Tracing", "swift-distributed-tracing"),
                .target(name: "WoveHTTP", condition: whenTraits("HTTP")),
                http("ServiceLifecycle", "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log", condition: whenTraits("Logging", "HTTP")),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "WoveNetworkTests",
            dependencies: [
                "WoveNetwork", "WoveTestSupport",
                .target(name: "WoveHTTP", condition: whenTraits("HTTP")),
                .target(name: "WoveWebSocket", condition: whenTraits("WebSocket")),
                .target(name: "WoveGRPC", condition: whenTraits("GRPC")),
                network("X509", "swift-certificates"),
                network("SwiftASN1", "swift-asn1"),
                network("Crypto", "swift-crypto"),
                network("AsyncHTTPClient", "async-http-client"),
                network("NIOSSL", "swift-nio-ssl"),
                network("ServiceLifecycle", "swift-service-lifecycle"),
                network("Logging", "swift-log"),
                webSocket("WSClient", "swift-websocket"),
                grpc("GRPCCore", "grpc-swift-2"),
                grpc("GRPCNIOTransportHTTP2", "grpc-swift-nio-transport"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "WoveBackendsTests",
            dependencies: [
                "WoveDSL", "WoveTestWorker",
                .target(name: "WoveBackends", condition: whenTraits("Backends")),
                .target(name: "WoveSlurm", condition: whenTraits("Slurm")),
                .target(name: "WoveRay", condition: whenTraits("Ray")),
                backends("AsyncHTTPClient", "async-http-client"),
                backends("NIOCore", "swift-nio"),
            ],
            swiftSettings: strictSettings),
    ]
)
