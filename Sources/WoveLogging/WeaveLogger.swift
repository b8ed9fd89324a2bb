#if Logging
    public import Logging
    public import WoveRuntime

    /// A `WeaveObserver` that writes a weave's events to a swift-log `Logger`, with structured
    /// metadata: `weave`, `weave_id`, `task`, `environment`, `attempt`, `item`, `run_id`,
    /// `item_count` and `task_count` where the event has them, and `duration` and `queue_wait` (in
    /// seconds). An event below the logger's level costs a comparison, no record.
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
    /// `Wove.config(observers: [WeaveLogger(logger)])`. Records are made inline, on the thread of
    /// the event, so the logger's handler must not block.
    public struct WeaveLogger: WeaveObserver {
        /// The logger records go to.
        public let logger: Logger

        /// An observer logging to `logger`.
        public init(_ logger: Logger) { self.logger = logger }

        /// Logs `event` at its level (see the type's table).
        public func observe(_ event: WeaveEvent) {
            let (level, message) = LogRecord.levelAndMessage(of: event)
            guard logger.logLevel <= level else { return }
            logger.log(
                level: level, "\(message)", error: event.error, metadata: LogRecord.metadata(of: event))
        }
    }
#endif
