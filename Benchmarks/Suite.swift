#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Every workload, in the order printed. Runs off the main actor, as library code would.
enum BenchmarkSuite {
    static func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        if let mode = environment[MemoryWorkload.modeVariable] {
            try await MemoryWorkload.runChild(mode)
            return
        }
        if let only = environment["WOVE_BENCH_PROFILE"] {
            try await profile(only)
            return
        }
        // `WOVE_BENCH_GROUPS=http,stdio` runs only those groups.
        let chosen = environment["WOVE_BENCH_GROUPS"].map { Set($0.split(separator: ",").map(String.init)) }
        func wanted(_ group: String) -> Bool { chosen?.contains(group) ?? true }
        print(Harness.header)
        if wanted("graphs") { try await graphs() }
        if wanted("maps") { try await maps() }
        if wanted("observed") { try await observed() }
        if wanted("dispatch") { try await dispatch() }
        if wanted("stdio") { try await stdio() }
        if wanted("http") { try await http() }
        if wanted("websocket") { try await webSocket() }
        if wanted("grpc") { try await grpc() }
        if wanted("backends") { try await backends() }
        if wanted("memory") { try MemoryWorkload.report() }
    }

    private static func graphs() async throws {
        try await Harness.compare(
            "diamond_weave_x200 (async bodies)", unit: "weave", units: DiamondWorkload.weaves,
            repetitions: DiamondWorkload.repetitions,
            wove: DiamondWorkload.woveAsync,
            baseline: ("TaskGroup, a child per node", DiamondWorkload.taskGroup))
        try await Harness.compare(
            "diamond_weave_x200 (sync bodies)", unit: "weave", units: DiamondWorkload.weaves,
            repetitions: DiamondWorkload.repetitions,
            wove: DiamondWorkload.woveSync,
            baseline: ("a Dispatch thread hop per node", DiamondWorkload.threadHops))
        try await Harness.compare(
            "diamond_weave_x200 (sync, off the pool)", unit: "weave", units: DiamondWorkload.weaves,
            repetitions: DiamondWorkload.repetitions, wove: DiamondWorkload.woveSync,
            baseline: ("a hop per node to a thread outside the cooperative pool", DiamondWorkload.offPoolHops)
        )
        try await Harness.compare(
            "diamond_weave_x200 vs async let", unit: "weave", units: DiamondWorkload.weaves,
            repetitions: DiamondWorkload.repetitions,
            wove: DiamondWorkload.woveAsync, baseline: ("async let, branches only", DiamondWorkload.asyncLet))
        try await Harness.compare(
            "wide_graph_10k (async no-ops)", unit: "task", units: WideGraphWorkload.width, repetitions: 5,
            wove: WideGraphWorkload.wove, baseline: ("TaskGroup of 10k children", WideGraphWorkload.taskGroup)
        )
    }

    private static func maps() async throws {
        try await Harness.compare(
            "map_noop_async_10k", unit: "item", units: MapWorkloads.items, repetitions: 10,
            wove: MapWorkloads.woveAsync, baseline: ("TaskGroup of 10k children", MapWorkloads.taskGroup))
        try await Harness.compare(
            "map_noop_sync_10k", unit: "item", units: MapWorkloads.items, repetitions: 10,
            wove: MapWorkloads.woveSync,
            baseline: ("TaskGroup, a Dispatch hop per item", MapWorkloads.taskGroupWithThreadHops))
        try await Harness.compare(
            "sleep_1000x10ms_workers100", unit: "run", units: 1, repetitions: 3,
            wove: SleepWorkloads.wove, baseline: ("TaskGroup, 100 in flight", SleepWorkloads.taskGroup))
        try await Harness.compare(
            "readme_200_cpu_plus_100ms, no options", unit: "run", units: 1, repetitions: 3,
            wove: ReadmeWorkload.wove, baseline: ("a thread per item", ReadmeWorkload.threads))
        try await Harness.compare(
            "sleep_200x100ms_async, no options", unit: "run", units: 1, repetitions: 3,
            wove: DefaultWidthWorkload.wove,
            baseline: ("TaskGroup, all at once", DefaultWidthWorkload.taskGroup))
    }

    /// What a progress renderer costs a weave, next to the same weave unobserved.
    private static func observed() async throws {
        try await Harness.compare(
            "map_2000x1ms_workers100, ProgressRenderer", unit: "run", units: 1, repetitions: 5,
            wove: ObservedWorkloads.sleepsObserved,
            baseline: ("no observer", ObservedWorkloads.sleepsUnobserved))
        try await Harness.compare(
            "map_noop_async_10k, ProgressRenderer", unit: "item", units: MapWorkloads.items, repetitions: 10,
            wove: ObservedWorkloads.noOpsObserved,
            baseline: ("no observer", ObservedWorkloads.noOpsUnobserved))
    }

    /// The HTTP rows, when the benchmarks are built with the HTTP trait.
    private static func http() async throws {
        #if HTTP
            try await NetworkWorkloads.compare(HTTPWorkloads.self)
        #endif
    }

    /// The WebSocket rows, when the benchmarks are built with the WebSocket trait.
    private static func webSocket() async throws {
        #if WebSocket
            try await NetworkWorkloads.compare(WebSocketWorkloads.self)
        #endif
    }

    /// The gRPC rows, when the benchmarks are built with the GRPC trait.
    private static func grpc() async throws {
        #if GRPC
            try await NetworkWorkloads.compare(GRPCWorkloads.self)
        #endif
    }

    /// The scheduler rows, when the benchmarks are built with the Slurm or Ray trait and the
    /// engines run (`eval "$(.ci/engines start)"` sets the variables they are found by).
    private static func backends() async throws {
        typealias Row = (
            name: String, wove: () async throws -> Void, baseline: (String, () async throws -> Void),
            settle: () async throws -> Void
        )
        var rows: [Row] = []
        #if Slurm
            if BackendWorkloads.slurmIsRunning {
                rows.append(
                    (
                        "slurm_noop_job", BackendWorkloads.slurm,
                        ("sbatch --wait of true", BackendWorkloads.bareSlurm), BackendWorkloads.slurmIdle
                    ))
                rows.append(
                    (
                        "slurm_noop_job vs polled", BackendWorkloads.slurm,
                        ("sbatch of true, scontrol every 20 ms", BackendWorkloads.polledSlurm),
                        BackendWorkloads.slurmIdle
                    ))
            }
        #endif
        #if Ray
            if BackendWorkloads.rayIsRunning {
                rows.append(
                    (
                        "ray_noop_job", BackendWorkloads.ray,
                        ("a Ray job running true", BackendWorkloads.bareRay),
                        {}
                    ))
            }
        #endif
        for row in rows {
            try await Harness.compare(
                // Eight tries a side: how soon a scheduler starts a job depends on where its own
                // cycle is, and the best of each side is where they line up.
                row.name, unit: "job", units: 1, repetitions: 8, wove: row.wove, baseline: row.baseline,
                settle: row.settle)
        }
    }

    private static func dispatch() async throws {
        try await Harness.compare(
            "dispatch_map_1000_tiny, 1 in flight", unit: "item", units: DispatchWorkload.items,
            repetitions: 5,
            wove: DispatchWorkload.wove,
            baseline: ("the same map, local, 1 at a time", DispatchWorkload.local))
    }

    /// Each weave starting its processes, then with `keep_alive`, each weave using those the last
    /// one kept (the first repetition starts them).
    private static func stdio() async throws {
        for keepAlive in [false, true] {
            for workers in [1, 4] {
                try await Harness.compare(
                    "stdio_map_1000_tiny, \(workers) worker process\(workers == 1 ? "" : "es")"
                        + (keepAlive ? ", kept alive" : ""),
                    unit: "item", units: StdioWorkloads.items, repetitions: 5,
                    wove: StdioWorkloads.stdio(workers: workers, keepAlive: keepAlive),
                    baseline: ("the same map, local", StdioWorkloads.local))
            }
        }
    }

    /// Runs one workload in a loop for a profiler: `WOVE_BENCH_PROFILE=` one of
    /// `diamond-async`, `diamond-sync`, `diamond-taskgroup`, `wide`, `wide-taskgroup`, `map-async`, `map-sync`,
    /// `dispatch`, `stdio` (one worker process), `stdio-kept` (the same, kept alive), `frames` (see
    /// ``FrameCodecProfile``), `phases` (see ``PhaseProfile``), with the HTTP trait `http`, `http-bare` (64 in flight), `http-1` and `http-bare-1` (one at a time), and
    /// with the WebSocket and GRPC traits the same with `websocket` or `grpc` in place of `http`.
    static func profile(_ workload: String) async throws {
        /// How many times the workload runs: `WOVE_BENCH_ROUNDS`, else 10 for a network row, a
        /// phase's own count, and 50 for the others.
        let rounds = ProcessInfo.processInfo.environment["WOVE_BENCH_ROUNDS"].flatMap { Int($0) }
        let profileRounds = rounds ?? 10
        #if HTTP
            if try await NetworkWorkloads.profile(HTTPWorkloads.self, workload, rounds: profileRounds) {
                return
            }
        #endif
        #if WebSocket
            if try await NetworkWorkloads.profile(WebSocketWorkloads.self, workload, rounds: profileRounds) {
                return
            }
        #endif
        #if GRPC
            if try await NetworkWorkloads.profile(GRPCWorkloads.self, workload, rounds: profileRounds) {
                return
            }
        #endif
        if workload == "frames" { return try FrameCodecProfile.run(rounds: rounds ?? 100_000) }
        if workload.hasPrefix("phases") {
            return try await PhaseProfile.run(
                only: workload == "phases" ? nil : String(workload.dropFirst(7)), rounds: rounds)
        }
        for _ in 0..<(rounds ?? 50) {
            switch workload {
            case "diamond-sync": try await DiamondWorkload.woveSync()
            case "diamond-taskgroup": try await DiamondWorkload.taskGroup()
            case "wide": try await WideGraphWorkload.wove()
            case "wide-taskgroup": try await WideGraphWorkload.taskGroup()
            case "map-async": try await MapWorkloads.woveAsync()
            case "map-sync": try await MapWorkloads.woveSync()
            case "dispatch": try await DispatchWorkload.wove()
            case "stdio": try await StdioWorkloads.stdio(workers: 1, keepAlive: false)()
            case "stdio-kept": try await StdioWorkloads.stdio(workers: 1, keepAlive: true)()
            default: try await DiamondWorkload.woveAsync()
            }
        }
    }
}
