import Testing
import WoveDSL

@Suite("Background runs")
struct BackgroundTests {
    @Test("the handle returns at once; onDone and the handle get the result")
    func success() async throws {
        let done = Probe()
        let gate = AsyncGate()
        let handle = try weaveInBackground(["x": 20]) {
            Task("slow", after: "x") { (x: Int) async in
                await gate.wait()
                return x + 1
            }
        } onDone: { result in
            done.record("onDone: \((try? result.final(as: Int.self)) ?? -1)")
        }
        #expect(done.events.isEmpty, "weaveInBackground returned before the task could finish")
        gate.open()
        let result = await handle.result
        #expect(try result.final(as: Int.self) == 21)
        #expect(done.events == ["onDone: 21"])
    }

    @Test("task errors reach onDone in the result; nothing is thrown")
    func failure() async throws {
        let done = Probe()
        let handle = try weaveInBackground {
            Task("bad") { () throws -> Int in throw Boom(code: 3) }
        } onDone: { result in
            done.record("error: \(result.error.map { "\($0)" } ?? "none")")
        }
        let result = await handle.result
        #expect(result.errors["bad"] as? Boom == Boom(code: 3))
        #expect(done.events == ["error: Boom(code: 3)"])
    }

    @Test("cancelling the handle cancels running tasks; onDone still gets the result")
    func cancellation() async throws {
        let done = Probe()
        let started = Probe()
        let handle = try weaveInBackground {
            Task("forever") { () async throws -> Int in
                started.record("started")
                try await Task.sleep(for: .seconds(30))
                return 1
            }
            Task("after", after: "forever") { (value: Int) in value }
        } onDone: { result in
            done.record("cancelled: \(result.cancelled.sorted())")
        }
        while started.events.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
        handle.cancel()
        let result = await handle.result
        #expect(result.cancelled == ["forever", "after"])
        #expect(done.events == ["cancelled: [\"after\", \"forever\"]"])
    }

    @Test("a block that throws, or an invalid graph, throws at once and starts nothing")
    func invalidDoesNotStart() async throws {
        let done = Probe()
        func failing() throws -> TaskNode<Int> { throw Boom(code: 9) }
        #expect(throws: Boom(code: 9)) {
            try weaveInBackground {
                Task("ran") {
                    done.record("ran")
                    return 1
                }
                try failing()
            } onDone: { _ in
                done.record("onDone")
            }
        }
        let error = try #require(throws: WeaveError.self) {
            try weaveInBackground {
                Task("a", after: "b") { (b: Int) in b }
                Task("b", after: "a") { (a: Int) in a }
            } onDone: { _ in
                done.record("onDone")
            }
        }
        #expect(error.code == .dependencyCycle)
        try await Task.sleep(for: .milliseconds(50))
        #expect(done.events.isEmpty)
    }

    @Test("a reusable weave runs in the background with inline overrides")
    func reusableInBackground() async throws {
        let handle = try weaveInBackground(StandardReport(), ["user_id": 5]) {
            Task("summary", after: "user_data") { (user: User) in "Background report for \(user.id)" }
        }
        #expect(try await handle.result.final(as: String.self) == "Background report for 5")
    }
}

@Suite("Background runs of reusable weaves")
struct BackgroundReusableTests {
    @Test("a reusable weave runs in the background as is, with onDone")
    func asIs() async throws {
        let done = Probe()
        let handle = try weaveInBackground(
            StandardReport(), ["user_id": 3], onDone: { _ in done.record("done") })
        #expect(try await handle.result.final(as: String.self) == "Report for Standard User")
        #expect(done.events == ["done"])
    }
}
