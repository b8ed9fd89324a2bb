#if Slurm
    import Foundation
    import WoveRuntime

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Runs a scheduler command to its end without holding a thread: its input comes from a file
    /// and its output goes to files, so nothing is read or written while it runs, and its exit is
    /// awaited through Foundation's termination handler.
    enum CommandRunner {
        struct Output: Sendable {
            let status: Int32
            let stdout: String
            let stderr: String
        }

        /// Why a command could not be run at all.
        struct LaunchError: Error, CustomStringConvertible {
            let description: String
        }

        /// Runs `command` with `input` as its stdin; kills it (`SIGKILL`) when `timeout` passes or
        /// the calling task is cancelled, so an unresponsive scheduler cannot hold a run forever.
        static func run(_ command: [String], input: [UInt8] = [], timeout: Duration = .seconds(60))
            async throws -> Output
        {
            guard let name = command.first, !name.isEmpty else {
                throw LaunchError(description: "the command is empty")
            }
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("wove-command-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let files = ["in", "out", "err"].map { directory.appendingPathComponent($0) }
            guard FileManager.default.createFile(atPath: files[0].path, contents: Data(input)),
                FileManager.default.createFile(atPath: files[1].path, contents: nil),
                FileManager.default.createFile(atPath: files[2].path, contents: nil)
            else { throw LaunchError(description: "cannot create files in \(directory.path)") }
            let handles = try files.enumerated().map { index, url in
                index == 0 ? try FileHandle(forReadingFrom: url) : try FileHandle(forWritingTo: url)
            }
            defer { for handle in handles { try? handle.close() } }
            // The pid while the command runs, for a timeout or a cancel to signal: set once it
            // runs unless it has already exited, cleared once it exits, so no other process that
            // reuses the pid is ever signalled.
            let running = LockedValue<(pid: Int32?, exited: Bool)>((nil, false))
            let killed = LockedValue(false)
            let exited = OneShotResult<Int32>()
            let stop: @Sendable () -> Void = {
                running.withLock { state in
                    guard let pid = state.pid else { return }
                    killed.withLock { $0 = true }
                    kill(pid, SIGKILL)
                }
            }
            // Started on Wove's launcher thread: starting a process waits for its `exec`.
            let launched = await ProcessLauncher.shared.run { () -> Result<ProcessHandle, LaunchError> in
                let process = Process()
                // `env` finds the command on PATH (a missing one exits 127, saying so on stderr).
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = command
                process.standardInput = handles[0]
                process.standardOutput = handles[1]
                process.standardError = handles[2]
                process.terminationHandler = { finished in
                    running.withLock { $0 = (nil, true) }
                    exited.resolve(.success(finished.terminationStatus))
                }
                do {
                    try process.run()
                } catch {
                    return .failure(
                        LaunchError(
                            description: "\(name) could not be started: \(error.localizedDescription)"))
                }
                running.withLock { state in
                    if !state.exited { state.pid = process.processIdentifier }
                }
                return .success(ProcessHandle(process))
            }
            let process = try launched.get()
            let watchdog = Task {
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                stop()
            }
            defer { watchdog.cancel() }
            let status = try await withTaskCancellationHandler {
                try await exited.value
            } onCancel: {
                stop()
            }
            withExtendedLifetime(process) {}
            if killed.withLock({ $0 }) {
                try Task.checkCancellation()
                throw LaunchError(description: "\(name) did not finish within \(timeout) and was killed")
            }
            func text(_ url: URL) -> String {
                String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return Output(status: status, stdout: text(files[1]), stderr: text(files[2]))
        }
    }
#endif
