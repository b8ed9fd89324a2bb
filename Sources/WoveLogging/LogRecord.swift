#if Logging
    import Logging
    import WoveRuntime

    /// The log record of one `WeaveEvent`: its level and message, then, only if the logger takes
    /// records of that level, its metadata.
    enum LogRecord {
        static func metadata(of event: WeaveEvent) -> Logger.Metadata {
            var metadata: Logger.Metadata = ["weave": "\(event.weave)", "weave_id": "\(event.weaveID)"]
            func add(_ key: String, _ value: (some CustomStringConvertible)?) {
                if let value { metadata[key] = "\(value)" }
            }
            add("task", event.task)
            add("environment", event.environment)
            add("attempt", event.attempt)
            add("item", event.item)
            add("run_id", event.runID)
            add("duration", event.duration?.seconds)
            add("queue_wait", event.queueWait?.seconds)
            add("item_count", event.itemCount)
            add("task_count", event.taskCount)
            return metadata
        }

        static func levelAndMessage(of event: WeaveEvent) -> (Logger.Level, String) {
            switch event.kind {
            case .weaveStarted: return (.debug, "Weave started")
            case .weaveFinished where event.error != nil: return (.error, "Weave failed")
            case .weaveFinished: return (.debug, "Weave finished")
            case .taskStarted: return (.debug, "Task started")
            case .taskFinished: return (.debug, "Task finished")
            case .taskFailed where event.duration == nil:
                return (.notice, "Task did not run: a dependency failed")
            case .taskFailed: return (.error, "Task failed")
            case .taskCancelled: return (.notice, "Task cancelled")
            case .attemptFailed where event.willRetry: return (.notice, "Attempt failed; retrying")
            case .attemptFailed: return (.debug, "Attempt failed")
            case .mappingStarted: return (.debug, "Mapping started")
            case .transportError: return (.warning, "Transport error")
            case .remoteRunFinished where event.error.map(isDeliveryProblem) == true:
                return (.warning, "Remote run failed delivery")
            default: return (.trace, message(for: event.kind))
            }
        }

        /// A delivery timeout, a silent worker, or an orphaned run: the delivery's fault, not the task's.
        private static func isDeliveryProblem(_ error: any Error) -> Bool {
            error is DeliveryTimeoutError || error is DeliveryOrphanedError
        }

        private static func message(for kind: WeaveEvent.Kind) -> String {
            switch kind {
            case .attemptStarted: "Attempt started"
            case .itemFinished: "Item finished"
            case .remoteRunSent: "Remote run sent"
            case .remoteRunStarted: "Remote run started"
            case .remoteHeartbeat: "Remote run alive"
            case .remoteRunFinished: "Remote run finished"
            default: "\(kind)"
            }
        }
    }
#endif
