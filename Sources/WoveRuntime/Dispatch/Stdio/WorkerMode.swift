/// How an executable started by the stdio executor learns that it is a worker.
package enum WorkerMode {
    /// Set to `1` in every worker's environment.
    package static let variable = "WOVE_WORKER"

    /// Whether this process was started as a worker.
    package static var isRequested: Bool { ProcessEnvironment.value(of: variable) == "1" }

    /// Throws unless this process may start a copy of itself as a worker or forked child.
    ///
    /// `runIfRequested()` removes the variable before it serves, so a process that still has it
    /// while running a weave is a worker whose program never called `runIfRequested()`: its copy
    /// would run the program again, and start another copy, without end.
    package static func checkCanStartSelf() throws(WeaveError) {
        guard isRequested else { return }
        throw WeaveError(
            .cannotStartProcess,
            "This process was started as a Wove worker (\(variable)=1), but its program did not call "
                + "`await WoveWorker { … }.runIfRequested()` first, so starting the current executable again "
                + "would repeat the program without end. Call it at the start of main, with the tasks it serves."
        )
    }
}
