import Testing

@testable import WoveRuntime

@Suite("maxInFlight limit")
struct InFlightLimitTests {
    @Test("a cancelled waiter takes no slot; the freed slot goes to the next caller")
    func cancelledWaiter() async throws {
        let limit = InFlightLimit(limit: 1)
        try await limit.acquire()
        let waiter = Task { try await limit.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        let next = Task { try await limit.acquire() }
        limit.release()
        try await next.value
        limit.release()
        let (_, duration) = try await elapsed { try await limit.acquire() }
        #expect(duration < .seconds(1), "the slot was free again")
    }

    @Test("waiters are served first come, first served")
    func fifo() async throws {
        let limit = InFlightLimit(limit: 1)
        let order = Probe()
        try await limit.acquire()
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<3 {
            waiters.append(
                Task {
                    try await limit.acquire()
                    order.record("\(index)")
                    limit.release()
                })
            try await Task.sleep(for: .milliseconds(20))
        }
        limit.release()
        for waiter in waiters { try await waiter.value }
        #expect(order.events == ["0", "1", "2"])
    }
}
