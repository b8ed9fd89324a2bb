import Foundation

/// How an executable started by the stdio executor learns that it is a worker.
package enum WorkerMode {
    /// Set to `1` in every worker's environment.
    package static let variable = "WOVE_WORKER"

    /// Whether this process was started as a worker.
    package static var isRequested: Bool { ProcessInfo.processInfo.environment[variable] == "1" }
}
