#if Metrics
    import CoreMetrics
    import WoveRuntime

    /// Counters, timers and meters made once per label and dimensions from one factory, then
    /// reused: making a handle asks the factory, which may take a lock and allocate.
    final class MetricHandles: Sendable {
        private let factory: any MetricsFactory
        private let counters = LockedValue<[Key: Counter]>([:])
        private let timers = LockedValue<[Key: CoreMetrics.Timer]>([:])
        private let meters = LockedValue<[Key: Meter]>([:])

        private struct Key: Hashable {
            let label: String
            let dimensions: [String]

            init(_ label: String, _ dimensions: [(String, String)]) {
                self.label = label
                self.dimensions = dimensions.flatMap { [$0.0, $0.1] }
            }
        }

        init(factory: any MetricsFactory) { self.factory = factory }

        func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
            handle(in: counters, label, dimensions) { Counter(label: $0, dimensions: $1, factory: factory) }
        }

        func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
            handle(in: timers, label, dimensions) {
                CoreMetrics.Timer(label: $0, dimensions: $1, factory: factory)
            }
        }

        func meter(_ label: String, _ dimensions: [(String, String)]) -> Meter {
            handle(in: meters, label, dimensions) { Meter(label: $0, dimensions: $1, factory: factory) }
        }

        private func handle<Handle: Sendable>(
            in table: LockedValue<[Key: Handle]>,
            _ label: String,
            _ dimensions: [(String, String)],
            make: (String, [(String, String)]) -> Handle
        ) -> Handle {
            let key = Key(label, dimensions)
            return table.withLock { handles in
                if let existing = handles[key] { return existing }
                let made = make(label, dimensions)
                handles[key] = made
                return made
            }
        }
    }
#endif
