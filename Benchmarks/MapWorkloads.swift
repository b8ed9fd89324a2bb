import Dispatch
import WoveDSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Per-item cost of mapping, next to hand-written TaskGroup code (the workloads of `bench/wove_peer.py`).
enum MapWorkloads {
    static let items = 10_000

    static func woveAsync() async throws {
        let result = try await weave {
            Task("sq", over: 0..<items) { (item: Int) async in item }
            Task("total", after: "sq") { (sq: [Int]) in sq.count }
        }
        try check(result.final(as: Int.self) == items)
    }

    static func woveSync() async throws {
        let result = try await weave {
            Task("sq", over: 0..<items) { (item: Int) in item }
            Task("total", after: "sq") { (sq: [Int]) in sq.count }
        }
        try check(result.final(as: Int.self) == items)
    }

    /// Hand-written: a TaskGroup child per item, results put back in order.
    static func taskGroup() async throws {
        let results = await withTaskGroup(of: (Int, Int).self) { group in
            for item in 0..<items { group.addTask { (item, item) } }
            var results = [Int](repeating: 0, count: items)
            for await (index, value) in group { results[index] = value }
            return results
        }
        try check(results.count == items)
    }

    /// Hand-written for blocking items: a TaskGroup child per item that hops to a Dispatch thread.
    static func taskGroupWithThreadHops() async throws {
        let results = await withTaskGroup(of: (Int, Int).self) { group in
            for item in 0..<items {
                group.addTask {
                    await withUnsafeContinuation { continuation in
                        DispatchQueue.global().async { continuation.resume(returning: (item, item)) }
                    }
                }
            }
            var results = [Int](repeating: 0, count: items)
            for await (index, value) in group { results[index] = value }
            return results
        }
        try check(results.count == items)
    }
}

/// 1000 × 10 ms sleeps, 100 at a time: how close to the ideal 0.1 s.
/// 200 async sleeps of 100 ms with no options set, next to a TaskGroup running them all at once.
enum DefaultWidthWorkload {
    static let count = 200

    static func wove() async throws {
        let result = try await weave {
            Task("s", over: 0..<count) { (item: Int) async throws in
                try await Task.sleep(for: .milliseconds(100))
                return item
            }
        }
        try check(result.final(as: [Int].self).count == count)
    }

    static func taskGroup() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<count { group.addTask { try await Task.sleep(for: .milliseconds(100)) } }
            try await group.waitForAll()
        }
    }
}

enum SleepWorkloads {
    static let count = 1000
    static let workers = 100

    static func wove() async throws {
        let result = try await weave {
            Task("s", over: 0..<count) { (item: Int) async throws in
                try await Task.sleep(for: .milliseconds(10))
                return item
            }
            .workers(workers)
        }
        try check(result.final(as: [Int].self).count == count)
    }

    /// Hand-written: a TaskGroup that keeps 100 sleeps in flight.
    static func taskGroup() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < workers {
                group.addTask { try await Task.sleep(for: .milliseconds(10)) }
                next += 1
            }
            while try await group.next() != nil {
                guard next < count else { continue }
                group.addTask { try await Task.sleep(for: .milliseconds(10)) }
                next += 1
            }
        }
    }
}

/// The README workload of Python wove: 200 × (100k-iteration loop + 100 ms blocking sleep).
enum ReadmeWorkload {
    static let items = 200

    static func cpu() -> Int {
        var total = 0
        for index in 0..<100_000 { total &+= index &* index }
        return total
    }

    /// With no options set: the defaults (256 blocking bodies per weave) run all 200 at once.
    static func wove() async throws {
        let result = try await weave {
            Task("task", over: 0..<items) { (_: Int) in
                let value = cpu()
                usleep(100_000)
                return value
            }
        }
        try check(result.final(as: [Int].self).count == items)
    }

    /// Hand-written: one thread per item, joined.
    static func threads() async throws {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<items {
                group.addTask {
                    await withUnsafeContinuation { continuation in
                        DetachedThread.start(name: "bench.thread") {
                            _ = cpu()
                            usleep(100_000)
                            continuation.resume()
                        }
                    }
                }
            }
        }
    }
}
