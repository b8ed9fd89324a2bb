import Foundation
import Testing
import WoveDSL

@testable import WoveRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let hostTarget = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(pipe[1])")
        #expect(hostTarget.hasPrefix("pipe:"))

        let result = try await Wove.withConfiguration(TestWorkerProcess.configuration()) {
            try await weave(["descriptor": Int(pipe[1]), "name": "PATH"]) {
                Task("descriptor_target", after: "descriptor") { (descriptor: Int) -> String in
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"))
                        ?? "closed"
                }
                .environment("remote")
                Task("process_group") { () -> [Int] in [Int(getpgrp()), Int(getpid())] }.environment("remote")
                Task("environment_value", after: "name") { (name: String) -> String in
                    ProcessInfo.processInfo.environment[name] ?? "unset"
                }
                .environment("remote")
            }
        }
        #expect(try result.value("descriptor_target", as: String.self) != hostTarget)
        let group = try result.value("process_group", as: [Int].self)
        #expect(group.count == 2 && group[0] == group[1], "the worker leads a process group of its own")
        #expect(group.first != Int(getpgrp()))
        #expect(
            try result.value("environment_value", as: String.self)
                == ProcessInfo.processInfo.environment["PATH"])
    }

    @Test(
        "where the C library cannot close every inherited descriptor in one action, each open one is listed")
    func openDescriptorsListed() throws {
        var pipe: [Int32] = [-1, -1]
        try #require(Glibc.pipe(&pipe) == 0)
        defer { for descriptor in pipe { close(descriptor) } }
        let listed = ChildSpawn.openDescriptors(above: STDERR_FILENO)
        #expect(listed.contains(pipe[0]) && listed.contains(pipe[1]))
        #expect(!listed.contains { $0 <= STDERR_FILENO })
    }
}
