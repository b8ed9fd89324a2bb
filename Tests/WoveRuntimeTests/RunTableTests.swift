import Testing

@testable import WoveRuntime

/// Admission, cancellation before and during a run, and the memory of early cancellations.
@Suite("Run table")
struct RunTableTests {
    @Test("a key is admitted once, up to the limit, and leaves the table when its run ends")
    func admission() async {
        let table = RunTable()
        #expect(table.admit("a", limit: 2) == .admitted)
        #expect(table.admit("a", limit: 2) == .duplicate)
        #expect(table.admit("b", limit: 2) == .admitted)
        #expect(table.admit("c", limit: 2) == .full)
        await table.run("a") {}
        #expect(table.admit("c", limit: 2) == .admitted)
        #expect(table.admit("a", limit: 3) == .admitted, "a run that ended frees its key")
    }

    @Test("a cancellation reaches a run listed but not started, and a running one")
    func cancellation() async {
        let table = RunTable()
        #expect(table.admit("early", limit: 10) == .admitted)
        table.cancel("early")
        let sawEarly = LockedValue(false)
        await table.run("early") { sawEarly.withLock { $0 = Task.isCancelled } }
        #expect(sawEarly.withLock { $0 })
        #expect(table.admit("running", limit: 10) == .admitted)
        let sawRunning = LockedValue(false)
        await table.run("running") {
            table.cancel("running")
            sawRunning.withLock { $0 = Task.isCancelled }
        }
        #expect(sawRunning.withLock { $0 })
    }

    @Test("a cancellation of an unknown key is remembered only when asked, and answers its admission")
    func earlyCancellation() {
        let table = RunTable()
        table.cancel("forgotten")
        #expect(table.admit("forgotten", limit: 10) == .admitted)
        table.cancel("remembered", rememberingUnknown: true)
        #expect(table.admit("remembered", limit: 10) == .cancelledEarly)
        #expect(
            table.admit("remembered", limit: 10) == .admitted, "an early cancellation answers one admission")
    }

    @Test("early cancellations are remembered up to a bound, oldest forgotten first")
    func earlyCancellationBound() {
        let table = RunTable()
        let bound = RunTable.rememberedCancellations
        // Consumed at once: it must not count against the bound afterwards.
        table.cancel("-1", rememberingUnknown: true)
        #expect(table.admit("-1", limit: .max) == .cancelledEarly)
        table.cancel("-1", rememberingUnknown: true)
        for key in 0..<(bound - 1) { table.cancel("\(key)", rememberingUnknown: true) }
        #expect(
            table.admit("-1", limit: .max) == .cancelledEarly,
            "the second cancellation of -1 is within the bound")
        table.cancel("\(bound)", rememberingUnknown: true)
        table.cancel("\(bound + 1)", rememberingUnknown: true)
        #expect(table.admit("0", limit: .max) == .admitted, "the oldest is forgotten past the bound")
        #expect(table.admit("\(bound + 1)", limit: .max) == .cancelledEarly)
    }

    @Test("after cancelAll, a run that starts is cancelled at once")
    func closed() async {
        let table = RunTable()
        table.cancelAll()
        let saw = LockedValue(false)
        await table.run("late") { saw.withLock { $0 = Task.isCancelled } }
        #expect(saw.withLock { $0 })
    }
}
