#if Logging
    public import Logging
    public import WoveRuntime

    /// A `WeaveObserver` that writes a weave's events to a swift-log `Logger`, with structured
    /// metadata: `weave`, `weave_id`, `task`, `environment`, `attempt`, `item` and `run_id` where
    /// the event has them, and `duration` (in seconds) for events that end something.
    ///
    /// | what happened | level |
    /// |---|---|
    /// | weave started or finished, task started or finished, mapping started | `debug` |
    /// | attempt started, item finished, remote run sent, started, alive or finished | `trace` |
    /// | an attempt failed and will be retried; a task cancelled, or never run after a failure | `notice` |
    /// | a transport error; a remote run past its delivery timeout, heartbeat, or orphaned | `warning` |
    /// | a task failed; the weave finished with an error | `error` |
    ///
    /// Pass it to one weave with `.logger(_:)`, or to every weave with
    /// `Wove.config(observers: [WeaveLogger(logger)])`.
    public struct WeaveLogger: WeaveObserver {
        /// The logger records go to.
        public let logger: Logger

        /// An observer logging to `logger`.
        public init(_ logger: Logger) { self.logger = logger }

        /// Logs `event` at its level (see the type's table).
        public func observe(_ event: WeaveEvent) {
            let record = LogRecord(event)
            guard logger.logLevel <= record.level else { return }
            logger.log(
                level: record.level, "\(record.message)", error: record.error, metadata: record.metadata)
        }
    }
#endif
