import Dispatch
import WoveDSL

/// Per-weave overhead: the 5-node diamond of `bench/wove_peer.py` (`x` → `a`, `b` → `c` → `d`).
enum DiamondWorkload {
    static let weaves = 200
    /// Timed runs per side. A run of 200 weaves lasts a few milliseconds, so a busy moment of a
    /// shared machine spoils a whole run; the best of 40 finds its quiet moments where the best
    /// of 10 often did not (the async row's ratio moved between 1.8× and 3.5× from one suite run
    /// to the next with 10).
    static let repetitions = 40

    static func woveAsync() async throws {
        for _ in 0..<weaves {
            let result = try await weave(["x": 1]) {
                Task("a", after: "x") { (x: Int) async in x + 1 }
                Task("b", after: "x") { (x: Int) async in x + 2 }
                Task("c", after: "a", "b") { (a: Int, b: Int) async in a + b }
                Task("d", after: "c") { (c: Int) async in c * 2 }
            }
            try check(result.final(as: Int.self) == 10)
        }
    }

    static func woveSync() async throws {
        for _ in 0..<weaves {
            let result = try await weave(["x": 1]) {
                Task("a", after: "x") { (x: Int) in x + 1 }
                Task("b", after: "x") { (x: Int) in x + 2 }
                Task("c", after: "a", "b") { (a: Int, b: Int) in a + b }
                Task("d", after: "c") { (c: Int) in c * 2 }
            }
            try check(result.final(as: Int.self) == 10)
        }
    }

    /// Hand-written: a child task per node, each started when its inputs exist.
    static func taskGroup() async throws {
        for _ in 0..<weaves {
            let x = 1
            let (a, b) = await withTaskGroup(of: (Int, Int).self) { group in
                group.addTask { (0, x + 1) }
                group.addTask { (1, x + 2) }
                var values = [0, 0]
                for await (slot, value) in group { values[slot] = value }
                return (values[0], values[1])
            }
            let c = await Task { a + b }.value
            let d = await Task { c * 2 }.value
            try check(d == 10)
        }
    }

    /// Hand-written for blocking bodies: each node hops to a Dispatch thread and back, as
    /// blocking work must to stay off the cooperative pool.
    static func threadHops() async throws {
        for _ in 0..<weaves {
            let x = 1
            async let a = onDispatchThread { x + 1 }
            async let b = onDispatchThread { x + 2 }
            let (left, right) = await (a, b)
            let c = await onDispatchThread { left + right }
            let d = await onDispatchThread { c * 2 }
            try check(d == 10)
        }
    }

    /// Hand-written for blocking bodies, kept off the cooperative pool: on Linux,
    /// `DispatchQueue.global()` runs its blocks on the cooperative pool's own threads (the
    /// hop above is no hop at all there, and a body that blocks holds up Swift concurrency), so
    /// each node here goes to a private serial queue, whose blocks run on Dispatch's overcommit
    /// threads, outside the pool, and back.
    static func offPoolHops() async throws {
        for _ in 0..<weaves {
            let x = 1
            async let a = onDispatchThread(offPool) { x + 1 }
            async let b = onDispatchThread(offPool) { x + 2 }
            let (left, right) = await (a, b)
            let c = await onDispatchThread(offPool) { left + right }
            let d = await onDispatchThread(offPool) { c * 2 }
            try check(d == 10)
        }
    }

    private static let offPool = DispatchQueue(label: "wove.benchmarks.blocking")

    private static func onDispatchThread(
        _ queue: DispatchQueue = .global(),
        _ body: @escaping @Sendable () -> Int
    ) async -> Int {
        await withUnsafeContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }

    /// Hand-written: `async let` for the two branches, the rest inline.
    static func asyncLet() async throws {
        for _ in 0..<weaves {
            let x = 1
            async let a = x + 1
            async let b = x + 2
            let c = await a + b
            try check(c * 2 == 10)
        }
    }
}

/// Scheduling cost at width: 10,000 independent no-op tasks in one weave.
enum WideGraphWorkload {
    static let width = 10_000

    static func wove() async throws {
        let result = try await weave {
            for index in 0..<width {
                Task("t\(index)") { () async in index }
            }
        }
        try check(result.names.count == width)
    }

    static func taskGroup() async throws {
        let values = await withTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<width { group.addTask { (index, index) } }
            var values = [Int](repeating: 0, count: width)
            for await (slot, value) in group { values[slot] = value }
            return values
        }
        try check(values.count == width)
    }
}

struct BenchmarkCheckFailed: Error {}

/// Guards against measuring a workload that silently computed the wrong thing.
func check(_ condition: Bool) throws {
    guard condition else { throw BenchmarkCheckFailed() }
}
