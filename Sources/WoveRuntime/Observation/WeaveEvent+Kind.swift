extension WeaveEvent {
    /// The kind of a ``WeaveEvent``.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case weaveStarted, taskStarted, attemptStarted, attemptFailed, mappingStarted, itemFinished,
                remoteRunSent, remoteRunStarted, remoteHeartbeat, remoteRunFinished, transportError,
                taskFinished, taskFailed, taskCancelled, weaveFinished
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The weave compiled and is about to start its tasks; sets ``WeaveEvent/taskCount``.
        public static let weaveStarted = Kind(.weaveStarted)
        /// A task is starting; sets ``WeaveEvent/task`` and ``WeaveEvent/environment``.
        public static let taskStarted = Kind(.taskStarted)
        /// An attempt of a task, or of one item of a mapped task, is starting its body; sets
        /// ``WeaveEvent/task``, ``WeaveEvent/attempt``, ``WeaveEvent/item`` for an item, and
        /// ``WeaveEvent/queueWait`` for a synchronous body.
        public static let attemptStarted = Kind(.attemptStarted)
        /// An attempt failed; sets ``WeaveEvent/task``, ``WeaveEvent/attempt``,
        /// ``WeaveEvent/item`` for an item, ``WeaveEvent/error``, ``WeaveEvent/willRetry`` and
        /// ``WeaveEvent/duration``. It comes without an ``attemptStarted`` when the attempt ended
        /// before its body started: its pacing wait was cancelled, or its timeout passed while it
        /// waited for a thread.
        public static let attemptFailed = Kind(.attemptFailed)
        /// A mapped task knows its items and is starting them; sets ``WeaveEvent/itemCount``.
        public static let mappingStarted = Kind(.mappingStarted)
        /// One item of a mapped task succeeded; sets ``WeaveEvent/item``,
        /// ``WeaveEvent/itemsFinished`` and ``WeaveEvent/itemCount``.
        public static let itemFinished = Kind(.itemFinished)
        /// A run's `run_task` is about to be handed to the task's environment; sets
        /// ``WeaveEvent/runID`` and ``WeaveEvent/queueWait`` (the wait for an in-flight slot).
        public static let remoteRunSent = Kind(.remoteRunSent)
        /// The worker began the run (`task_started`); sets ``WeaveEvent/runID``.
        public static let remoteRunStarted = Kind(.remoteRunStarted)
        /// The worker says the run is alive (`heartbeat`); sets ``WeaveEvent/runID``.
        public static let remoteHeartbeat = Kind(.remoteHeartbeat)
        /// The run ended: its result came back, or it failed (``WeaveEvent/error``) or was
        /// cancelled; sets ``WeaveEvent/runID`` and ``WeaveEvent/duration`` (from sending).
        public static let remoteRunFinished = Kind(.remoteRunFinished)
        /// The environment's executor failed to carry the run (a connection dropped, a request
        /// failed); sets ``WeaveEvent/runID`` and ``WeaveEvent/error``.
        public static let transportError = Kind(.transportError)
        /// A task succeeded; sets ``WeaveEvent/task`` and ``WeaveEvent/duration`` (all attempts
        /// included).
        public static let taskFinished = Kind(.taskFinished)
        /// A task failed, or never ran because a dependency failed (``WeaveEvent/duration`` is
        /// then `nil`); sets ``WeaveEvent/task`` and ``WeaveEvent/error``.
        public static let taskFailed = Kind(.taskFailed)
        /// A task was cancelled, or never ran because the weave stopped first; sets
        /// ``WeaveEvent/task``.
        public static let taskCancelled = Kind(.taskCancelled)
        /// Every task settled; sets ``WeaveEvent/duration`` and, if there was one, the weave's first
        /// ``WeaveEvent/error``.
        public static let weaveFinished = Kind(.weaveFinished)

        /// The kind's name, e.g. `taskStarted`.
        public var description: String { base.rawValue }
    }
}
