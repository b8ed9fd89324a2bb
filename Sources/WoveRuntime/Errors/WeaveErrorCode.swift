extension WeaveError {
    /// The kind of a ``WeaveError``.
    ///
    /// New codes may be added in minor releases, so a `switch` over codes
    /// needs a `default` branch.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unknownDependency
            case dependencyCycle
            case typeMismatch
            case reservedName
            case invalidOption
            case unknownResult
            case resultTypeMismatch
            case noTasks
            case blockingCallInAsyncContext
            case tooManyPendingItems
            case notASequence
            case unfinishedItem
            case mergeOutsideWeave
            case mergeDepthExceeded
            case invalidConfiguration
            case unknownEnvironment
            case cannotStartProcess
            case environmentDidNotStop
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A task names an upstream task or initialization value that does not exist.
        public static let unknownDependency = Code(.unknownDependency)
        /// Tasks depend on each other in a loop.
        public static let dependencyCycle = Code(.dependencyCycle)
        /// A task's parameter type differs from the output type of the task it consumes.
        public static let typeMismatch = Code(.typeMismatch)
        /// A task or initialization value uses a name Wove reserves (`data`).
        public static let reservedName = Code(.reservedName)
        /// A weave or task option has a value outside its range.
        public static let invalidOption = Code(.invalidOption)
        /// A result was read for a name the weave does not have.
        public static let unknownResult = Code(.unknownResult)
        /// A result was read as a type other than the one the task produced.
        public static let resultTypeMismatch = Code(.resultTypeMismatch)
        /// `final(as:)` was read on a weave that declared no tasks.
        public static let noTasks = Code(.noTasks)
        /// The blocking entry point was called from Swift concurrency, where it would deadlock.
        public static let blockingCallInAsyncContext = Code(.blockingCallInAsyncContext)

        /// A mapped task has more items than the weave's `maxPending` allows.
        public static let tooManyPendingItems = Code(.tooManyPendingItems)
        /// A mapped task's source produced a value that is not a sequence of its item type.
        public static let notASequence = Code(.notASequence)
        /// A mapped task finished with an item that stored no result (an internal invariant).
        public static let unfinishedItem = Code(.unfinishedItem)
        /// `merge` was called outside a task of a running weave.
        public static let mergeOutsideWeave = Code(.mergeOutsideWeave)
        /// `merge` calls nested deeper than the limit along one call chain.
        public static let mergeDepthExceeded = Code(.mergeDepthExceeded)

        /// A configuration value or file is invalid; the message names the key and value.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A task, weave or configuration names an environment that is not configured.
        public static let unknownEnvironment = Code(.unknownEnvironment)
        /// A worker or forked child process could not be started, or would start itself again
        /// because the program never called `WoveWorker.runIfRequested()`.
        public static let cannotStartProcess = Code(.cannotStartProcess)
        /// An environment's executor did not finish stopping within its stop timeout once the weave
        /// was over; the weave returned without waiting for it.
        public static let environmentDidNotStop = Code(.environmentDidNotStop)

        /// The code's name, e.g. `unknownDependency`.
        public var description: String { base.rawValue }
    }
}
