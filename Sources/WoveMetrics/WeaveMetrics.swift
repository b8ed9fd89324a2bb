#if Metrics
    public import CoreMetrics
    public import WoveRuntime

    /// A `WeaveObserver` that records weaves in swift-metrics: counters, timers and meters per
    /// task and environment.
    ///
    /// | metric | kind | dimensions | what |
    /// |---|---|---|---|
    /// | `wove_task_runs_total` | counter | `weave`, `task`, `environment` | tasks started |
    /// | `wove_task_failures_total` | counter | `weave`, `task`, `environment` | tasks that failed (not those never run after another's failure) |
    /// | `wove_task_retries_total` | counter | `weave`, `task`, `environment` | failed attempts followed by another |
    /// | `wove_task_cancellations_total` | counter | `weave`, `task`, `environment` | tasks cancelled |
    /// | `wove_task_duration` | timer | `weave`, `task`, `environment`, `outcome` (`success`, `failure`) | a task's run, all attempts included |
    /// | `wove_mapped_items_in_flight` | meter | `weave`, `task`, `environment` | items of a mapped task running now |
    /// | `wove_remote_runs_in_flight` | meter | `environment` | runs sent to the environment and not yet back |
    /// | `wove_queue_wait` | timer | `weave`, `task`, `environment`, `resource` (`thread`, `in_flight_slot`) | the wait for a blocking thread, or for a free slot of the environment's `max_in_flight` |
    ///
    /// Pass it to one weave with `.observer(WeaveMetrics())`, or to every weave with
    /// `Wove.config(observers: [WeaveMetrics()])`. It records into `MetricsSystem.factory` unless
    /// given another factory; handles are made once per label and dimensions and then reused.
    public final class WeaveMetrics: WeaveObserver {
        private let metrics: MetricHandles
        /// The items each running mapped task has in flight, by weave run and task: an item counts
        /// once from its first attempt's start to its end, however many attempts it takes, and a
        /// task that ends with items still counted (cancelled, say) gives them back.
        private let itemsInFlight = LockedValue<[ItemsKey: Set<Int>]>([:])
        /// Runs sent and not yet back, so each leaves the in-flight meter exactly once.
        private let runsInFlight = LockedValue<Set<String>>([])

        private struct ItemsKey: Hashable {
            let weaveID: UInt64
            let task: String
        }

        /// An observer recording into `factory` (default: the bootstrapped `MetricsSystem`'s).
        public init(factory: any MetricsFactory = MetricsSystem.factory) {
            metrics = MetricHandles(factory: factory)
        }

        /// Records `event` (see the type's table).
        public func observe(_ event: WeaveEvent) {
            guard let task = event.task else { return }
            let environment = event.environment ?? "local"
            let dimensions = [("weave", event.weave), ("task", task), ("environment", environment)]
            switch event.kind {
            case .taskStarted:
                metrics.counter("wove_task_runs_total", dimensions).increment()
            case .attemptFailed where event.willRetry:
                metrics.counter("wove_task_retries_total", dimensions).increment()
            case .taskFinished:
                record(event.duration, outcome: "success", dimensions)
                settleItems(of: event, task, dimensions)
            case .taskFailed:
                if event.duration != nil {
                    metrics.counter("wove_task_failures_total", dimensions).increment()
                    record(event.duration, outcome: "failure", dimensions)
                }
                settleItems(of: event, task, dimensions)
            case .taskCancelled:
                metrics.counter("wove_task_cancellations_total", dimensions).increment()
                settleItems(of: event, task, dimensions)
            case .attemptStarted:
                if let wait = event.queueWait {
                    metrics.timer("wove_queue_wait", dimensions + [("resource", "thread")]).recordNanoseconds(
                        wait.nanoseconds)
                }
                if let item = event.item { count(item, of: event, task, in: true, dimensions) }
            case .itemFinished:
                if let item = event.item { count(item, of: event, task, in: false, dimensions) }
            case .attemptFailed where !event.willRetry:
                if let item = event.item { count(item, of: event, task, in: false, dimensions) }
            case .remoteRunSent:
                if let runID = event.runID, runsInFlight.withLock({ $0.insert(runID).inserted }) {
                    metrics.meter("wove_remote_runs_in_flight", [("environment", environment)]).increment()
                }
                if let wait = event.queueWait {
                    metrics.timer("wove_queue_wait", dimensions + [("resource", "in_flight_slot")])
                        .recordNanoseconds(wait.nanoseconds)
                }
            case .remoteRunFinished, .transportError:
                if let runID = event.runID, runsInFlight.withLock({ $0.remove(runID) }) != nil {
                    metrics.meter("wove_remote_runs_in_flight", [("environment", environment)]).decrement()
                }
            default:
                break
            }
        }

        private func record(_ duration: Duration?, outcome: String, _ dimensions: [(String, String)]) {
            guard let duration else { return }
            metrics.timer("wove_task_duration", dimensions + [("outcome", outcome)]).recordNanoseconds(
                duration.nanoseconds)
        }

        /// Counts `item` into its task's in-flight meter, or out of it; an item already in (a
        /// retry) or not in (it never started) changes nothing.
        private func count(
            _ item: Int, of event: WeaveEvent, _ task: String, in isIn: Bool, _ dimensions: [(String, String)]
        ) {
            let key = ItemsKey(weaveID: event.weaveID, task: task)
            let changed = itemsInFlight.withLock { items in
                isIn ? items[key, default: []].insert(item).inserted : items[key]?.remove(item) != nil
            }
            guard changed else { return }
            let meter = metrics.meter("wove_mapped_items_in_flight", dimensions)
            if isIn { meter.increment() } else { meter.decrement() }
        }

        /// Gives back the items a finished task still counted in flight.
        private func settleItems(of event: WeaveEvent, _ task: String, _ dimensions: [(String, String)]) {
            let left = itemsInFlight.withLock {
                $0.removeValue(forKey: ItemsKey(weaveID: event.weaveID, task: task))
            }
            guard let left, !left.isEmpty else { return }
            metrics.meter("wove_mapped_items_in_flight", dimensions).decrement(by: Double(left.count))
        }
    }

    extension Duration {
        /// The duration in whole nanoseconds, as timers take it (clamped to `Int64`).
        fileprivate var nanoseconds: Int64 {
            let (seconds, attoseconds) = components
            let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            if overflow { return seconds < 0 ? .min : .max }
            return whole.addingReportingOverflow(attoseconds / 1_000_000_000).overflow
                ? .max : whole + attoseconds / 1_000_000_000
        }
    }
#endif
