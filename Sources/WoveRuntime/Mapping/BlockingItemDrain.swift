import Synchronization

/// The fast path for synchronous mapped items without timeouts or pacing: a few blocking-pool
/// jobs each take item after item from a shared cursor, so an item costs no thread hand-off.
///
/// The first failing item stops the others from taking more; cancellation does too. Every
/// job is awaited before the run returns, so no item runs after it.
enum BlockingItemDrain {
    private final class Cursor: Sendable {
        let next = Atomic<Int>(0)
        let stopped = Atomic<Bool>(false)
        let firstError = Mutex<(any Error)?>(nil)

        func fail(_ error: any Error) {
            firstError.withLock { $0 = $0 ?? error }
            stopped.store(true, ordering: .releasing)
        }
    }

    static func run(
        count: Int,
        workers: Int,
        retries: Int,
        body: @escaping @Sendable (Int) throws -> Void,
        in run: WeaveRun
    ) async throws {
        let cursor = Cursor()
        let jobs = min(workers, count, run.lane.limit)
        let tickets = (0..<jobs).map { _ in
            run.lane.submit {
                run.bindToThread { drain(count: count, retries: retries, body: body, cursor: cursor) }
            }
        }
        await withTaskCancellationHandler {
            for ticket in tickets {
                do { try await ticket.value } catch { cursor.fail(error) }
            }
        } onCancel: {
            cursor.fail(CancellationError())
        }
        if let error = cursor.firstError.withLock({ $0 }) { throw error }
    }

    private static func drain(count: Int, retries: Int, body: (Int) throws -> Void, cursor: Cursor) {
        while !cursor.stopped.load(ordering: .acquiring) {
            let index = cursor.next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            var attempt = 0
            while true {
                do {
                    try body(index)
                    break
                } catch {
                    attempt += 1
                    if attempt > retries || cursor.stopped.load(ordering: .acquiring) {
                        cursor.fail(error)
                        return
                    }
                }
            }
        }
    }
}
