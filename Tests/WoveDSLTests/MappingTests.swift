import Foundation
import Testing
import WoveDSL
import WoveRuntime
import WoveTestSupport

@Suite("Mapping")
struct MappingTests {
    @Test("a local collection maps in input order, even when later items finish first")
    func localMappingKeepsOrder() async throws {
        let delays = [40, 30, 20, 10, 0]
        let result = try await weave {
            Task("slept", over: delays) { (milliseconds: Int) async throws in
                try await Task.sleep(for: .milliseconds(milliseconds))
                return milliseconds
            }
        }
        #expect(try result.final(as: [Int].self) == delays)
    }

    @Test("sync items map in input order")
    func syncLocalMapping() async throws {
        let squares = Task("squares", over: [1, 2, 3]) { (item: Int) in item * item }
        let result = try await weave { squares }
        #expect(try result[squares] == [1, 4, 9])
        #expect(squares.isAsync == false)
    }

    @Test("an upstream result maps in order, with more inputs after the item")
    func upstreamMapping() async throws {
        let result = try await weave(["factor": 10]) {
            Task("numbers") { [3, 2, 1] }
            Task("scaled", mapping: "numbers", after: "factor") { (item: Int, factor: Int) async throws in
                try await Task.sleep(for: .milliseconds(item * 10))
                return item * factor
            }
            Task("sum", after: "scaled") { (scaled: [Int]) in scaled.reduce(0, +) }
        }
        #expect(try result.value("scaled", as: [Int].self) == [30, 20, 10])
        #expect(try result.final(as: Int.self) == 60)
        #expect(result.executionPlan.dependencies["scaled"] == ["factor", "numbers"])
    }

    @Test("an initialization value can be the mapping source")
    func seedSource() async throws {
        let result = try await weave(["ids": [1, 2, 3]]) {
            Task("doubled", mapping: "ids") { (id: Int) in id * 2 }
        }
        #expect(try result.final(as: [Int].self) == [2, 4, 6])
    }

    @Test("any sequence of the item type is a valid source")
    func setSource() async throws {
        let result = try await weave {
            Task("letters") { Set(["b", "a"]) }
            Task("upper", mapping: "letters") { (letter: String) in letter.uppercased() }
        }
        #expect(try result.final(as: [String].self).sorted() == ["A", "B"])
    }

    @Test("empty collections produce empty results without calling the body")
    func emptyMaps() async throws {
        let probe = Probe()
        let result = try await weave {
            Task("none", over: [Int]()) { (item: Int) in
                probe.record("called")
                return item
            }
            Task("nothing") { [Int]() }
            Task("also_none", mapping: "nothing") { (item: Int) async in
                probe.record("called")
                return item
            }
        }
        #expect(try result.value("none", as: [Int].self).isEmpty)
        #expect(try result.value("also_none", as: [Int].self).isEmpty)
        #expect(probe.events.isEmpty)
    }

    @Test("mapped tasks chain: a → map b → map c")
    func chainedMaps() async throws {
        let result = try await weave {
            Task("a") { [1, 2, 3] }
            Task("b", mapping: "a") { (item: Int) in item * 10 }
            Task("c", mapping: "b") { (item: Int) async in item + 1 }
        }
        #expect(try result.value("b", as: [Int].self) == [10, 20, 30])
        #expect(try result.final(as: [Int].self) == [11, 21, 31])
    }

    @Test("a mapped task that also names its source in after: gets the whole list")
    func sourceAlsoAnInput() async throws {
        let result = try await weave {
            Task("numbers") { [1, 2, 3] }
            Task("shares", mapping: "numbers", after: "numbers") { (item: Int, all: [Int]) in
                Double(item) / Double(all.reduce(0, +))
            }
        }
        #expect(try result.final(as: [Double].self) == [1.0 / 6, 2.0 / 6, 3.0 / 6])
    }

    @Test("mapping over a producer that is not a sequence of the item type is rejected before running")
    func nonCollectionSourceRejected() async throws {
        let probe = Probe()
        let mapped = Task("mapped", mapping: "number") { (item: Int) in item }
        let error = try await #require(throws: WeaveError.self) {
            try await weave {
                Task("number") {
                    probe.record("number ran")
                    return 123
                }
                mapped
            }
        }
        #expect(error.code == .typeMismatch)
        #expect(error.location == mapped.location)
        #expect(error.message.contains("maps over 'number'"))
        #expect(error.message.contains("not a sequence of Swift.Int"))
        #expect(probe.events.isEmpty)
    }

    @Test("mapping over a sequence of another element type is rejected before running")
    func wrongElementTypeRejected() async throws {
        let error = try await #require(throws: WeaveError.self) {
            try await weave {
                Task("words") { ["a", "b"] }
                Task("mapped", mapping: "words") { (item: Int) in item }
            }
        }
        #expect(error.code == .typeMismatch)
    }

    @Test("an untyped source that is not a sequence fails the task and its dependents at run time")
    func runtimeNonSequence() async throws {
        let result = try await weave(options: .errorMode(.return)) {
            Task("opaque") { () -> any Sendable in 42 }
            Task("mapped", mapping: "opaque") { (item: Int) in item }
            Task("after", after: "mapped") { (items: [Int]) in items.count }
        }
        let error = try #require(result.errors["mapped"] as? WeaveError)
        #expect(error.code == .notASequence)
        #expect(error.message.contains("Swift.Int is not a sequence of Swift.Int"))
        #expect(result.errors["after"] is WeaveError)
    }

    @Test("an unknown mapping source is reported as such")
    func unknownSource() async throws {
        let error = try await #require(throws: WeaveError.self) {
            try await weave { Task("mapped", mapping: "numbrs") { (item: Int) in item } }
        }
        #expect(error.code == .unknownDependency)
        #expect(error.message.contains("maps over 'numbrs'"))
    }

    @Test("one failing item fails the mapped task, cancels running items, and fails dependents")
    func failingItem() async throws {
        let probe = Probe()
        // Every item starts before item 1 fails, so both others are running when it does; an item
        // not yet started when a sibling fails is never started, which is not what this checks.
        let allStarted = Rendezvous(parties: 3)
        let result = try await weave(options: .errorMode(.return)) {
            Task("items", over: [0, 1, 2]) { (item: Int) async throws -> Int in
                guard await allStarted.meet() else { throw Boom(code: 0) }
                if item == 1 { throw Boom(code: 1) }
                do {
                    try await Task.sleep(for: .seconds(10))
                } catch {
                    probe.record("item \(item) cancelled")
                    throw error
                }
                return item
            }
            Task("total", after: "items") { (items: [Int]) in items.reduce(0, +) }
        }
        #expect(result.errors["items"] as? Boom == Boom(code: 1))
        #expect(result.errors["total"] as? Boom == Boom(code: 1))
        #expect(Set(probe.events) == ["item 0 cancelled", "item 2 cancelled"])
    }

    @Test(
        "a failed map releases the results its finished items produced; a finished one hands them over",
        arguments: [false, true])
    func resultsAreReleased(synchronous: Bool) async throws {
        let live = LockedValue(0)
        // Repeated: the thread that ran the items may still be letting go of its state when
        // the weave returns, and the results must be released before it does.
        for _ in 0..<200 {
            let failed = try await weave(options: .errorMode(.return)) {
                if synchronous {
                    Task("items", over: 0..<50) { (item: Int) throws -> CountedInstance in
                        if item == 40 { throw Boom(code: item) }
                        return CountedInstance(item, live)
                    }
                    .workers(1)
                } else {
                    Task("items", over: 0..<50) { (item: Int) async throws -> CountedInstance in
                        if item == 40 { throw Boom(code: item) }
                        return CountedInstance(item, live)
                    }
                    .workers(1)
                }
            }
            #expect(failed.errors["items"] as? Boom == Boom(code: 40))
            let left = live.withLock { $0 }
            #expect(left == 0, "the 40 results made before the failure are released")
            if left != 0 { return }
        }
        let finished = try await weave {
            Task("items", over: 0..<5) { (item: Int) in CountedInstance(item, live) }
        }
        let values = try finished.final(as: [CountedInstance].self)
        #expect(values.map(\.value) == [0, 1, 2, 3, 4])
        #expect(live.withLock { $0 } == 5)
    }

    @Test("a mapped node handle reads its list with its own type")
    func typedHandle() async throws {
        let names = Task("names", over: ["ada", "alan"]) { (name: String) in name.count }
        let total = Task("total", after: names) { (counts: [Int]) in counts.reduce(0, +) }
        let result = try await weave {
            names
            total
        }
        #expect(try result[names] == [3, 4])
        #expect(try result[total] == 7)
    }
}

@Suite("Mapping synchronous items")
struct SyncMappingTests {
    @Test("a failing sync item stops later items from starting and fails the task")
    func failingSyncItemStopsTheRest() async throws {
        let ran = AttemptCounter()
        let result = try await weave(options: .errorMode(.return)) {
            Task("items", over: 0..<100) { (item: Int) throws -> Int in
                _ = ran.next()
                if item == 3 { throw Boom(code: item) }
                return item
            }
            .workers(1)
        }
        #expect(result.errors["items"] as? Boom == Boom(code: 3))
        #expect(ran.count == 4, "items after the failing one never started")
    }

    @Test("cancelling the caller stops a long sync map between items")
    func cancellationStopsSyncMap() async throws {
        let ran = AttemptCounter()
        let caller = Task {
            try await weave {
                Task("items", over: 0..<1_000) { (item: Int) -> Int in
                    _ = ran.next()
                    usleep(5_000)
                    return item
                }
                .workers(2)
            }
        }
        while ran.count < 4 { try await Task.sleep(for: .milliseconds(2)) }
        // Counted from the cancellation: a loaded machine may have run many items before it.
        let atCancel = ran.count
        caller.cancel()
        let outcome = await caller.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        // Two workers at 5 ms an item would run 1,000 items in 2.5 s; stopping between items
        // leaves at most a few more each.
        #expect(
            ran.count - atCancel < 50,
            "the map stopped soon after the cancellation: \(ran.count - atCancel) items later")
    }

    @Test("sync items with a timeout take the general path and still keep order")
    func syncItemsWithTimeout() async throws {
        let result = try await weave {
            Task("items", over: [3, 1, 2]) { (item: Int) -> Int in
                usleep(UInt32(item) * 10_000)
                return item * 10
            }
            .timeout(.seconds(5))
        }
        #expect(try result.final(as: [Int].self) == [30, 10, 20])
    }
}
