#if Metrics
    import MetricsTestKit
    import Testing
    import WoveMetrics

    @Suite("swift-metrics of a weave")
    struct MetricsTests {
        private func dimensions(_ task: String, _ environment: String = "local") -> [(String, String)] {
            [("weave", ObservedWeave.name), ("task", task), ("environment", environment)]
        }

        @Test("runs, failures, retries and durations per task and environment")
        func counters() async throws {
            let metrics = TestMetrics()
            _ = try await ObservedWeave.run(.observer(WeaveMetrics(factory: metrics)))
            #expect(metrics.counterTotal(label: "wove_task_runs_total") == 4, "every task that started")
            #expect(
                metrics.counterTotal(
                    label: "wove_task_runs_total", dimensions: dimensions("double", "remote")) == 1)
            #expect(
                metrics.counterTotal(label: "wove_task_retries_total", dimensions: dimensions("flaky")) == 1)
            #expect(metrics.counterTotal(label: "wove_task_retries_total") == 1)
            #expect(
                metrics.counterTotal(label: "wove_task_failures_total", dimensions: dimensions("bad")) == 1)
            #expect(
                metrics.counterTotal(label: "wove_task_failures_total") == 1,
                "a dependent never run is not a failure")
            let success = try metrics.expectTimer(
                "wove_task_duration", dimensions("flaky") + [("outcome", "success")])
            #expect(success.values.count == 1 && success.values[0] > 0)
            #expect(
                try metrics.expectTimer("wove_task_duration", dimensions("bad") + [("outcome", "failure")])
                    .values.count == 1)
        }

        @Test("items and remote runs in flight rise and fall back to zero; queue waits are timed")
        func gauges() async throws {
            let metrics = TestMetrics()
            _ = try await ObservedWeave.run(.observer(WeaveMetrics(factory: metrics)))
            let items = try metrics.expectMeter("wove_mapped_items_in_flight", dimensions("doubled_ids"))
            #expect(items.values.max() ?? 0 >= 1 && items.lastValue == 0, "\(items.values)")
            let runs = try metrics.expectMeter("wove_remote_runs_in_flight", [("environment", "remote")])
            #expect(runs.values == [1, 0])
            let threadWait = try metrics.expectTimer(
                "wove_queue_wait", dimensions("flaky") + [("resource", "thread")])
            #expect(threadWait.values.count == 2, "one per attempt of a synchronous body")
            let slotWait = try metrics.expectTimer(
                "wove_queue_wait", dimensions("double", "remote") + [("resource", "in_flight_slot")])
            #expect(slotWait.values.count == 1)
        }

        @Test("items that never started (a paced wait cancelled by a failure) leave the items meter at zero")
        func pacedItems() async throws {
            let metrics = TestMetrics()
            _ = try await weave(
                ["ids": [0, 1, 2]], options: .name("paced"), .errorMode(.return),
                .observer(WeaveMetrics(factory: metrics))
            ) {
                Task("paced", mapping: "ids") { (id: Int) async throws -> Int in
                    if id == 0 { throw Failure() }
                    return id
                }
                .limitPerMinute(6)
            }
            let items = try metrics.expectMeter(
                "wove_mapped_items_in_flight",
                [("weave", "paced"), ("task", "paced"), ("environment", "local")])
            #expect(items.values.allSatisfy { $0 >= 0 } && items.lastValue == 0, "\(items.values)")
        }
    }
#endif
