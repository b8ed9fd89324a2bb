// Linux only: the checks read /proc.
#if os(Linux)
    import Foundation
    import Glibc
    import Testing
    import WoveDSL

    @testable import WoveRuntime

    // The tasks below mirror Tests/WoveTestWorker/main.swift by name and signature.

    @Suite("how a stdio worker process is started")
    struct StdioSpawnTests {
        @Test(
            "a worker gets the host's environment, a process group of its own, and none of the host's other descriptors"
        )
        func workerStart() async throws {
            // Not close-on-exec: a child inherits it unless the start closes it.
            var pipe: [Int32] = [-1, -1]
            try #require(Glibc.pipe(&pipe) == 0)
            defer { for descriptor in pipe { close(descriptor) } }
            let hostTarget = try FileManager.default.destinationOfSymbolicLink(
                atPath: "/proc/self/fd/\(pipe[1])")
            #expect(hostTarget.hasPrefix("pipe:"))

            // Ignored here (other tests ignore it too); a worker starts with it at its default.
            signal(SIGPIPE, SIG_IGN)
            let result = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
                try await weave(["descriptor": Int(pipe[1]), "name": "PATH"]) {
                    Task("descriptor_target", after: "descriptor") { (descriptor: Int) -> String in
                        (try? FileManager.default.destinationOfSymbolicLink(
                            atPath: "/proc/self/fd/\(descriptor)"))
                            ?? "closed"
                    }
                    .environment("remote")
                    Task("process_group") { () -> [Int] in [Int(getpgrp()), Int(getpid())] }.environment(
                        "remote")
                    Task("environment_value", after: "name") { (name: String) -> String in
                        ProcessInfo.processInfo.environment[name] ?? "unset"
                    }
                    .environment("remote")
                    Task("ignores_sigpipe") { () -> Bool in
                        let previous = signal(SIGPIPE, SIG_DFL)
                        signal(SIGPIPE, previous)
                        return unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
                    }
                    .environment("remote")
                }
            }
            #expect(try result.value("ignores_sigpipe", as: Bool.self) == false)
            #expect(try result.value("descriptor_target", as: String.self) != hostTarget)
            let group = try result.value("process_group", as: [Int].self)
            #expect(group.count == 2 && group[0] == group[1], "the worker leads a process group of its own")
            #expect(group.first != Int(getpgrp()))
            #expect(
                try result.value("environment_value", as: String.self)
                    == ProcessInfo.processInfo.environment["PATH"])
        }

        @Test(
            "where the C library cannot close every inherited descriptor in one action, each open one is listed"
        )
        func openDescriptorsListed() throws {
            var pipe: [Int32] = [-1, -1]
            try #require(Glibc.pipe(&pipe) == 0)
            defer { for descriptor in pipe { close(descriptor) } }
            let listed = ChildSpawn.openDescriptors(above: STDERR_FILENO)
            #expect(listed.contains(pipe[0]) && listed.contains(pipe[1]))
            #expect(!listed.contains { $0 <= STDERR_FILENO })
        }

        @Test("a worker killed by a signal fails its run with an error naming the signal")
        func killedWorker() async throws {
            let result = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
                try await weave(options: .errorMode(.return)) {
                    Task("killed") { () -> Int in
                        kill(getpid(), SIGKILL)
                        return 0
                    }
                    .environment("remote")
                }
            }
            let error = try #require(result.errors["killed"] as? EnvironmentExecutionError)
            #expect(error.payload.message.contains("killed by signal \(SIGKILL)"), "\(error)")
        }

        @Test("a host whose own WOVE_WORKER is not 1 still starts its workers as workers")
        func hostWithOtherWorkerVariable() async throws {
            // The child's environment must hold WOVE_WORKER=1 only: the host's entry is left out.
            let (lines, status) = try await TestWorkerProcess.run(
                arguments: ["--host"], input: [], environment: ["WOVE_WORKER": "0"])
            #expect(status == 0)
            #expect(lines.first?.split(separator: " ").first == "42", "\(lines)")
        }
    }
#endif
