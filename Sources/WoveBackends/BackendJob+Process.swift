#if Backends
    public import Foundation

    extension BackendJob {
        /// The job as a process of this machine, ready to `run()`: ``command``, with
        /// ``environment`` added to this process's environment. For adapters whose jobs are local
        /// processes, or that start a scheduler's own client around the job.
        public func makeProcess() -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command.first ?? "")
            process.arguments = Array(command.dropFirst())
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            return process
        }
    }
#endif
