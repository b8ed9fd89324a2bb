import Foundation
import Testing
import WoveDSL

@Suite("merge")
struct MergeTests {
    @Test("an async task merges an async body and a sync body")
    func mergeInAsyncTask() async throws {
        let result = try await weave {
            Task("combined") { () async throws -> String in
                let first = try await merge { () async in "async_result" }
                let second = try await merge {
                    withUnsafeCurrentTask { $0 == nil } ? "sync_off_pool" : "on_pool"
                }
                return "\(first) \(second)"
            }
        }
        #expect(try result.final(as: String.self) == "async_result sync_off_pool")
    }

    @Test("a mapped merge returns results in order and runs items concurrently")
    func mappedMergeInAsyncTask() async throws {
        let meeting = Rendezvous(parties: 3)
        let result = try await weave {
            Task("doubled") { () async throws -> [Int] in
                try await merge(
                    { (item: Int) async throws in
                        // Later items finish first, so order comes from the input, not from completion.
                        guard await meeting.meet() else { throw CancellationError() }
                        try await Task.sleep(for: .milliseconds(30 - item * 10))
                        return item * 2
                    }, over: [1, 2, 3])
            }
        }
        #expect(try result.final(as: [Int].self) == [2, 4, 6])
    }

    @Test("a mapped merge cancelled with its task throws CancellationError and starts no more items")
    func cancelledMappedMerge() async throws {
        let started = LockedValue(0)
        let caught = LockedValue<String?>(nil)
        _ = try await weave(options: .errorMode(.return)) {
            Task("merging") { () async throws -> [Int] in
                do {
                    return try await merge(
                        { (item: Int) async -> Int in
                            started.withLock { $0 += 1 }
                            // Ends normally once cancelled: the map itself must notice.
                            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
                            return item
                        }, over: 0..<20, workers: 2)
                } catch {
                    caught.withLock { $0 = "\(type(of: error))" }
                    throw error
                }
            }
            Task("boom") { () async throws -> Int in
                while started.withLock({ $0 }) < 2 { try await Task.sleep(for: .milliseconds(5)) }
                throw Boom(code: 3)
            }
        }
        #expect(caught.withLock { $0 } == "CancellationError")
        #expect(started.withLock { $0 } == 2)
    }

    @Test("a sync task merges without await: async and sync bodies, single and mapped")
    func mergeInSyncTask() async throws {
        let result = try await weave {
            Task("single_async") { () throws -> Int in try merge { () async in 1 } }
            Task("single_sync") { () throws -> Int in try merge { 2 } }
            Task("mapped_async") { () throws -> [Int] in
                try merge({ (item: Int) async in item + 10 }, over: [1, 2])
            }
            Task("mapped_sync") { () throws -> [Int] in
                try merge({ (item: Int) in item * 3 }, over: [1, 2, 3])
            }
        }
        #expect(try result.value("single_async", as: Int.self) == 1)
        #expect(try result.value("single_sync", as: Int.self) == 2)
        #expect(try result.value("mapped_async", as: [Int].self) == [11, 12])
        #expect(try result.value("mapped_sync", as: [Int].self) == [3, 6, 9])
    }

    @Test("with maxWorkers: 1, a sync task merging sync work does not deadlock")
    func noDeadlockWithOneWorker() async throws {
        let (result, duration) = try await elapsed {
            try await weave(options: .maxWorkers(1)) {
                Task("outer") { () throws -> [Int] in
                    try merge(
                        { (item: Int) in
                            usleep(10_000)
                            return item * 2
                        }, over: [1, 2, 3])
                }
            }
        }
        #expect(try result.final(as: [Int].self) == [2, 4, 6])
        #expect(duration < .seconds(5))
    }

    @Test("retries apply to merged work")
    func mergeRetries() async throws {
        let attempts = AttemptCounter()
        let result = try await weave {
            Task("retried") { () async throws -> String in
                try await merge(
                    { () throws -> String in
                        if attempts.next() == 1 { throw Boom(code: 1) }
                        return "ok"
                    }, retries: 1)
            }
        }
        #expect(try result.final(as: String.self) == "ok")
        #expect(attempts.count == 2)
    }

    @Test("a merged attempt past its timeout fails the caller with TaskTimeoutError")
    func mergeTimeout() async throws {
        await #expect(throws: TaskTimeoutError.self) {
            try await weave {
                Task("timed_out") { () async throws -> Int in
                    try await merge(
                        { () async throws -> Int in
                            try await Task.sleep(for: .seconds(10))
                            return 1
                        }, timeout: .milliseconds(50))
                }
            }
        }
    }

    @Test("a sync merge whose attempt timed out still ends before the weave returns")
    func timedOutSyncMergeEndsWithTheWeave() async throws {
        let probe = Probe()
        // The merged body cannot return before its caller has seen the timeout.
        let timeoutSeen = Rendezvous(parties: 2)
        let result = try await weave {
            Task("caller") { () -> String in
                do {
                    return try merge(
                        { () -> String in
                            _ = timeoutSeen.meetBlocking()
                            usleep(100_000)
                            probe.record("merged body returned")
                            return "late"
                        }, timeout: .milliseconds(50))
                } catch is TaskTimeoutError {
                    _ = timeoutSeen.meetBlocking()
                    return "timed out"
                }
            }
        }
        #expect(try result.final(as: String.self) == "timed out")
        #expect(probe.events == ["merged body returned"], "the weave waited for the abandoned merged body")
    }

    @Test("merged sync work counts against the weave's maxWorkers")
    func mergedWorkSharesTheWeaveLimit() async throws {
        let gauge = ConcurrencyGauge()
        _ = try await weave(options: .maxWorkers(2)) {
            Task("outer") { () async throws -> [Int] in
                try await merge(
                    { (item: Int) -> Int in
                        gauge.enter()
                        defer { gauge.leave() }
                        usleep(20_000)
                        return item
                    }, over: Array(0..<8))
            }
        }
        #expect(gauge.maximum == 2)
    }

    @Test("workers caps a mapped merge's concurrency")
    func mergeWorkers() async throws {
        let gauge = ConcurrencyGauge()
        let result = try await weave {
            Task("capped") { () async throws -> [Int] in
                try await merge(
                    { (item: Int) async throws in
                        gauge.enter()
                        try await Task.sleep(for: .milliseconds(20))
                        gauge.leave()
                        return item
                    }, over: 0..<8, workers: 2)
            }
        }
        #expect(try result.final(as: [Int].self) == Array(0..<8))
        #expect(gauge.maximum == 2)
    }

    @Test("a merged body's error reaches the caller unchanged")
    func errorsPropagate() async throws {
        let error = try await #require(throws: Boom.self) {
            try await weave {
                Task("caller") { () async throws -> Int in
                    try await merge { () async throws -> Int in throw Boom(code: 42) }
                }
            }
        }
        #expect(error == Boom(code: 42))
    }

    @Test("merge outside a weave throws a clear error")
    func outsideWeave() async throws {
        let error = try await #require(throws: WeaveError.self) {
            try await merge { () async in 1 }
        }
        #expect(error.code == .mergeOutsideWeave)
        #expect(error.message.contains("MergeTests.swift"))
    }

    @Test("runaway recursion stops at the depth limit with a clear error")
    func runawayRecursion() async throws {
        @Sendable func recurse() async throws -> Int { try await merge { try await recurse() } }
        let error = try await #require(throws: WeaveError.self) {
            try await weave { Task("runaway") { () async throws -> Int in try await recurse() } }
        }
        #expect(error.code == .mergeDepthExceeded)
        #expect(error.message.contains("100"))
    }

    @Test("depth counts nesting on one call chain, not concurrent merges")
    func concurrentMergesAreNotNesting() async throws {
        let result = try await weave {
            Task("wide", over: 0..<150) { (item: Int) async throws -> Int in
                try await merge { () async in item }
            }
            .workers(150)
        }
        #expect(try result.final(as: [Int].self) == Array(0..<150))
    }

    @Test("a mapped merge past maxPending fails with the pending error")
    func mergeMaxPending() async throws {
        let result = try await weave(options: .maxPending(2), .errorMode(.return)) {
            Task("caller") { () async throws -> [Int] in
                try await merge({ (item: Int) in item }, over: [1, 2, 3])
            }
        }
        #expect((result.errors["caller"] as? WeaveError)?.code == .tooManyPendingItems)
    }

    @Test("the blocking form refuses to run from async code")
    func blockingFormFromAsyncCode() async throws {
        let result = try await weave(options: .errorMode(.return)) {
            Task("misuse") { () async throws -> Int in
                let blockingMerge: () throws -> Int = { try merge { 1 } }
                return try blockingMerge()
            }
        }
        #expect((result.errors["misuse"] as? WeaveError)?.code == .blockingCallInAsyncContext)
    }
}

@Suite("syncToAsync")
struct SyncToAsyncTests {
    @Test("outside a weave, the function runs off the cooperative pool")
    func outsideWeave() async throws {
        let onPlainThread = syncToAsync { (a: Int, b: Int) in (a + b, withUnsafeCurrentTask { $0 == nil }) }
        let (sum, offPool) = try await onPlainThread(2, 3)
        #expect(sum == 5)
        #expect(offPool)
    }

    @Test("inside a weave, it uses the weave's blocking pool and rethrows errors")
    func insideWeave() async throws {
        let failing = syncToAsync { () throws -> Int in throw Boom(code: 8) }
        let doubled = syncToAsync { (value: Int) in value * 2 }
        let result = try await weave(options: .errorMode(.return)) {
            Task("ok") { () async throws in try await doubled(21) }
            Task("bad") { () async throws in try await failing() }
        }
        #expect(try result.value("ok", as: Int.self) == 42)
        #expect(result.errors["bad"] as? Boom == Boom(code: 8))
    }
}
